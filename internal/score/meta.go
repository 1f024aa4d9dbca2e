package score

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Field is the score of one metadata field, over the pages whose truth has
// it.
type Field struct {
	// N is the number of pages scored: those whose truth has the field.
	N int `json:"n"`
	// Predicted counts the pages among them with a non-empty prediction.
	Predicted int `json:"predicted"`
	// Exact is the share of exact matches (for author: equal name sets).
	Exact float64 `json:"exact"`
	// Lenient (author only) is the share of pages where at least one true
	// name is found among the predicted ones.
	Lenient *float64 `json:"lenient,omitempty"`
	// TokenF1 (title, site_name) is the mean token F1, a softer view.
	TokenF1 *float64 `json:"token_f1,omitempty"`
}

// MetaFields are the metadata fields score.py knows, in its order.
var MetaFields = []string{"title", "byline", "author", "date", "site_name"}

// Detail holds, per page id, whether each scored field was right
// ("title_ok", "author_ok", "author_lenient", ...), as score.py's
// --per-doc output.
type Detail map[string]map[string]bool

func (d Detail) set(id, key string, ok bool) {
	if d == nil {
		return
	}
	m := d[id]
	if m == nil {
		m = map[string]bool{}
		d[id] = m
	}
	m[key] = ok
}

// ScoreMetadata scores every metadata field that can be scored: a field is
// scored when the truth has it on some pages and at least one of those
// pages' predictions carries one of its keys. See score.py's documentation
// for the rules of each field. detail may be nil.
func ScoreMetadata(truth, pred *Docs, detail Detail) map[string]Field {
	out := map[string]Field{}
	for _, f := range []string{"title", "byline"} {
		if s, ok := scoreExactField(truth, pred, f, detail); ok {
			out[f] = s
		}
	}
	for _, f := range []string{"author", "date", "site_name"} {
		if s, ok := scoreMetaField(truth, pred, f, detail); ok {
			out[f] = s
		}
	}
	return out
}

// TokenF1 is the F1 of the bags of lower-cased tokens of a (truth) and b
// (prediction); 1 when both have none.
func TokenF1(a, b string) float64 {
	ta, tb := lowerTokenBag(a), lowerTokenBag(b)
	if len(ta) == 0 && len(tb) == 0 {
		return 1
	}
	common, na, nb := 0, 0, 0
	for t, c := range ta {
		common += min(c, tb[t])
		na += c
	}
	for _, c := range tb {
		nb += c
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(nb), float64(common)/float64(na)
	return 2 * p * r / (p + r)
}

func lowerTokenBag(s string) map[string]int {
	m := map[string]int{}
	for _, t := range Tokenize(s) {
		m[lower(t)]++
	}
	return m
}

var fieldAliases = map[string][]string{
	"title":  {"title", "headline"},
	"byline": {"byline", "author", "authors"},
}

// metaValue is score.py's meta_value: the first alias whose value is a
// string, or a list (joined with ", ").
func metaValue(d Doc, field string) (string, bool) {
	if d == nil {
		return "", false
	}
	for _, k := range fieldAliases[field] {
		switch v := d[k].(type) {
		case string:
			return v, true
		case []any:
			parts := make([]string, len(v))
			for i, x := range v {
				parts[i] = pyStr(x)
			}
			return strings.Join(parts, ", "), true
		}
	}
	return "", false
}

// scoreExactField scores title and byline: exact match after white-space
// normalisation, over the pages whose truth is a non-empty string.
func scoreExactField(truth, pred *Docs, field string, detail Detail) (Field, bool) {
	var keys []string
	for _, id := range truth.IDs {
		if s, ok := truth.Get(id)[field].(string); ok && strip(s) != "" {
			keys = append(keys, id)
		}
	}
	if !anyKey(keys, func(id string) bool { _, ok := metaValue(pred.Get(id), field); return ok }) {
		return Field{}, false
	}
	var exact, soft []float64
	f := Field{N: len(keys)}
	for _, id := range keys {
		t := normWS(truth.Get(id)[field].(string))
		v, _ := metaValue(pred.Get(id), field)
		p := normWS(v)
		if p != "" {
			f.Predicted++
		}
		exact = append(exact, b2f(t == p))
		soft = append(soft, TokenF1(t, p))
		detail.set(id, field+"_ok", t == p)
	}
	f.Exact = mean(exact)
	f.TokenF1 = ptr(mean(soft))
	return f, true
}

// metaKeys: the truth's keys and the prediction's keys of the newer fields;
// the first non-empty value wins.
var metaKeys = map[string][2][]string{
	"author":    {{"author", "byline"}, {"authors", "author", "byline"}},
	"date":      {{"date", "publishedTime"}, {"published", "date", "publishedTime"}},
	"site_name": {{"site_name", "siteName"}, {"site_name", "siteName"}},
}

// firstValue is score.py's first_value: present tells whether one of the
// keys holds a string or a list at all (even empty); v is the first
// non-empty one, a string or []any, or nil.
func firstValue(d Doc, keys []string) (present bool, v any) {
	for _, k := range keys {
		switch x := d[k].(type) {
		case string:
			present = true
			if strip(x) != "" {
				return true, x
			}
		case []any:
			present = true
			for _, item := range x {
				if s, ok := item.(string); ok && strip(s) != "" {
					return true, x
				}
			}
		}
	}
	return present, nil
}

// metaTruth is one page's truth for author (a name set), date ("YYYY-MM-DD")
// or site_name (folded string); ok is false when the page has none.
type metaTruth struct {
	names map[string]bool
	text  string
}

func truthOf(d Doc, field string) (metaTruth, bool) {
	_, v := firstValue(d, metaKeys[field][0])
	if v == nil {
		return metaTruth{}, false
	}
	switch field {
	case "author":
		names := AuthorNames(v)
		return metaTruth{names: names}, len(names) > 0
	case "date":
		s, ok := v.(string)
		if !ok {
			return metaTruth{}, false
		}
		day, ok := goldDay(s)
		return metaTruth{text: day}, ok
	default:
		s, ok := v.(string)
		return metaTruth{text: casefold(normWS(s))}, ok
	}
}

func scoreMetaField(truth, pred *Docs, field string, detail Detail) (Field, bool) {
	var keys []string
	truths := map[string]metaTruth{}
	for _, id := range truth.IDs {
		d := truth.Get(id)
		if d == nil {
			continue
		}
		if t, ok := truthOf(d, field); ok {
			keys = append(keys, id)
			truths[id] = t
		}
	}
	pkeys := metaKeys[field][1]
	if !anyKey(keys, func(id string) bool { present, _ := firstValue(pred.Get(id), pkeys); return present }) {
		return Field{}, false
	}
	f := Field{N: len(keys)}
	var ok, lenient, soft []float64
	for _, id := range keys {
		t := truths[id]
		_, v := firstValue(pred.Get(id), pkeys)
		if v != nil {
			f.Predicted++
		}
		switch field {
		case "author":
			names := map[string]bool{}
			if v != nil {
				names = AuthorNames(v)
			}
			list := make([]string, 0, len(names))
			for n := range names {
				list = append(list, n)
			}
			sort.Strings(list)
			text := strings.Join(list, " ; ")
			found := false
			for g := range t.names {
				found = found || foundWord(g, text)
			}
			ok = append(ok, b2f(sameSet(names, t.names)))
			lenient = append(lenient, b2f(found))
			detail.set(id, "author_ok", sameSet(names, t.names))
			detail.set(id, "author_lenient", found)
		case "date":
			p := ""
			if s, isStr := v.(string); isStr {
				p = prefixRunes(strip(s), 10)
			}
			ok = append(ok, b2f(p == t.text))
			detail.set(id, "date_ok", p == t.text)
		default:
			p := ""
			if s, isStr := v.(string); isStr {
				p = casefold(normWS(s))
			}
			ok = append(ok, b2f(p == t.text))
			soft = append(soft, TokenF1(t.text, p))
			detail.set(id, "site_name_ok", p == t.text)
		}
	}
	f.Exact = mean(ok)
	switch field {
	case "author":
		f.Lenient = ptr(mean(lenient))
	case "site_name":
		f.TokenF1 = ptr(mean(soft))
	}
	return f, true
}

// AuthorNames cuts a byline string, or each string of a list, into
// normalised names: cut at ; , & | / and the words "and" and "und";
// lower-cased (case-folded), punctuation turned into spaces, white space
// collapsed, a leading "by" or "written by" dropped.
func AuthorNames(v any) map[string]bool {
	var items []string
	switch v := v.(type) {
	case string:
		items = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				items = append(items, s)
			}
		}
	case []string:
		items = v
	}
	names := map[string]bool{}
	for _, item := range items {
		for _, part := range splitAuthors(item) {
			part = strings.Map(func(r rune) rune {
				if r == '_' || !(isWord(r) || isSpace(r)) {
					return ' '
				}
				return r
			}, part)
			n := strings.Join(fields(casefold(part)), " ")
			switch {
			case n == "by" || n == "written by":
				n = ""
			case strings.HasPrefix(n, "written by "):
				n = n[len("written by "):]
			case strings.HasPrefix(n, "by "):
				n = n[len("by "):]
			}
			if n = strip(n); n != "" {
				names[n] = true
			}
		}
	}
	return names
}

// splitAuthors is re.split(r'\s*(?:[;,&|/]|\band\b|\bund\b)\s*', s,
// flags=re.IGNORECASE) with Unicode word boundaries.
func splitAuthors(s string) []string {
	var parts []string
	last := 0 // start of the current part
	for i := 0; i < len(s); {
		// a separator may start after a run of white space beginning at i
		j := i + len(s[i:]) - len(strings.TrimLeftFunc(s[i:], isSpace))
		if end, ok := authorSeparatorAt(s, j); ok {
			end += len(s[end:]) - len(strings.TrimLeftFunc(s[end:], isSpace))
			parts = append(parts, s[last:i])
			last, i = end, end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return append(parts, s[last:])
}

// authorSeparatorAt reports whether a separator starts at byte j of s and
// where it ends.
func authorSeparatorAt(s string, j int) (int, bool) {
	if j >= len(s) {
		return 0, false
	}
	if strings.IndexByte(";,&|/", s[j]) >= 0 {
		return j + 1, true
	}
	if j+3 > len(s) {
		return 0, false
	}
	w := strings.ToLower(s[j : j+3])
	if w != "and" && w != "und" {
		return 0, false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:j])
	after, _ := utf8.DecodeRuneInString(s[j+3:])
	if (j > 0 && isWord(before)) || (j+3 < len(s) && isWord(after)) {
		return 0, false
	}
	return j + 3, true
}

// foundWord reports whether name occurs in text as whole words
// ((?<!\w)name(?!\w)).
func foundWord(name, text string) bool {
	if name == "" {
		return false
	}
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(name):])
		if (i == 0 || !isWord(before)) && (i+len(name) == len(text) || !isWord(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
	return false
}

// goldDay returns "YYYY-MM-DD" from the start of v (after trimming), when
// it has that shape (digits as Python's \d: any decimal digit).
func goldDay(v string) (string, bool) {
	v = prefixRunes(strip(v), 10)
	i := 0
	for _, r := range v {
		switch {
		case i == 4 || i == 7:
			if r != '-' {
				return "", false
			}
		case !unicode.IsDigit(r):
			return "", false
		}
		i++
	}
	return v, i == 10
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func anyKey(keys []string, f func(string) bool) bool {
	for _, k := range keys {
		if f(k) {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func ptr[T any](v T) *T { return &v }

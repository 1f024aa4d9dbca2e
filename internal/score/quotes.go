package score

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The quotation metric of the quotes benchmark, a port of
// testdata/bench/quotes/score_quotes.py.

// QuoteMatchF1 is the token F1 from which a gold and a predicted quote can
// match.
const QuoteMatchF1 = 0.5

// Quote is one quotation of a gold or prediction file. Text and Speaker
// hold decoded JSON values: a string, or nil (null); Speaker nil means "no
// speaker".
type Quote struct {
	Text    any
	Speaker any
}

// NewQuote returns a quote with the given text and speaker (nil: none).
func NewQuote(text string, speaker *string) Quote {
	q := Quote{Text: text}
	if speaker != nil {
		q.Speaker = *speaker
	}
	return q
}

// QuoteDocs are the documents of a quotes file, by id, in file order.
type QuoteDocs struct {
	IDs    []string
	Quotes map[string][]Quote
}

// NewQuoteDocs returns an empty set.
func NewQuoteDocs() *QuoteDocs { return &QuoteDocs{Quotes: map[string][]Quote{}} }

// Add adds a document; it fails on a duplicate id.
func (q *QuoteDocs) Add(id string, quotes []Quote) error {
	if _, ok := q.Quotes[id]; ok {
		return fmt.Errorf("duplicate id %q", id)
	}
	q.IDs = append(q.IDs, id)
	if quotes == nil {
		quotes = []Quote{}
	}
	q.Quotes[id] = quotes
	return nil
}

// ReadQuoteDocs reads a JSON Lines file of {"id", "quotes": [{"text",
// "speaker"}, ...]} (other fields are ignored), as score_quotes.py.
func ReadQuoteDocs(path string) (*QuoteDocs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs := NewQuoteDocs()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		id, quotes, err := parseQuoteLine(line)
		if err == nil {
			err = docs.Add(id, quotes)
		}
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func parseQuoteLine(line []byte) (string, []Quote, error) {
	var obj any
	if err := DecodeJSON(line, &obj); err != nil {
		return "", nil, fmt.Errorf("invalid JSON: %w", err)
	}
	m, ok := obj.(map[string]any)
	if !ok || !hasKey(m, "id") {
		return "", nil, fmt.Errorf(`object has no "id"`)
	}
	id, ok := m["id"].(string)
	if !ok {
		// keep 5 and "5" apart, as Python does
		id = "\x00" + pyStr(m["id"])
	}
	var quotes []Quote
	switch qs := m["quotes"].(type) {
	case nil:
	case []any:
		for _, x := range qs {
			q, ok := x.(map[string]any)
			if !ok {
				return "", nil, fmt.Errorf(`"quotes" must be a list of objects`)
			}
			quotes = append(quotes, Quote{Text: q["text"], Speaker: q["speaker"]})
		}
	default:
		// Python's `obj.get("quotes") or []` accepts other empty values
		if !pyFalsy(qs) {
			return "", nil, fmt.Errorf(`"quotes" must be a list of objects`)
		}
	}
	return id, quotes, nil
}

func pyFalsy(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case bool:
		return !v
	case string:
		return v == ""
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	if n, ok := v.(interface{ Float64() (float64, error) }); ok {
		f, err := n.Float64()
		return err == nil && f == 0
	}
	return false
}

// QuoteOptions adjusts ScoreQuotes. The zero value is the benchmark's
// definition.
type QuoteOptions struct {
	// MinWords drops quotes of fewer words from both sides; 0 means 3.
	MinWords int
	// IgnorePronounSpeakers leaves out gold quotes whose speaker is a bare
	// pronoun ("he"), and the predictions matched to them.
	IgnorePronounSpeakers bool
}

// PRF is a precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(tp, npred, ngold int) PRF {
	var s PRF
	if npred > 0 {
		s.Precision = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		s.Recall = float64(tp) / float64(ngold)
	}
	if s.Precision+s.Recall != 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// QuoteCounts are the counts behind the quote scores.
type QuoteCounts struct {
	Docs               int `json:"docs"`
	DocsMissing        int `json:"docs_missing"`
	DocsUnknown        int `json:"docs_unknown"`
	Gold               int `json:"gold"`
	Pred               int `json:"pred"`
	Matched            int `json:"matched"`
	SpeakerOK          int `json:"speaker_ok"`
	GoldDroppedShort   int `json:"gold_dropped_short"`
	PredDroppedShort   int `json:"pred_dropped_short"`
	GoldIgnoredPronoun int `json:"gold_ignored_pronoun"`
}

// KindAccuracy is the speaker accuracy over the matched quotes whose gold
// speaker is of one kind.
type KindAccuracy struct {
	Matched  int     `json:"matched"`
	Accuracy float64 `json:"accuracy"`
}

// Quotes is the result of the quote metric; its JSON form is that of
// score_quotes.py --json.
type Quotes struct {
	Spans           PRF                     `json:"quotes"`
	SpeakerAccuracy float64                 `json:"speaker_accuracy"`
	E2E             PRF                     `json:"e2e"`
	Counts          QuoteCounts             `json:"counts"`
	ByGoldKind      map[string]KindAccuracy `json:"speaker_accuracy_by_gold_kind"`
}

// ScoreQuotes scores predicted quotations against gold ones: span
// precision, recall and F1 of a greedy one-to-one matching by token
// overlap, speaker accuracy over the matched pairs, and end-to-end figures
// counting a pair only when its speaker is right.
func ScoreQuotes(gold, pred *QuoteDocs, opts QuoteOptions) Quotes {
	minWords := opts.MinWords
	if minWords == 0 {
		minWords = 3
	}
	var c QuoteCounts
	kindMatched, kindOK := map[string]int{}, map[string]int{}
	for _, id := range gold.IDs {
		p, ok := pred.Quotes[id]
		if !ok {
			c.DocsMissing++
		}
		g := longQuotes(gold.Quotes[id], minWords)
		pp := longQuotes(p, minWords)
		c.GoldDroppedShort += len(gold.Quotes[id]) - len(g)
		c.PredDroppedShort += len(p) - len(pp)
		pairs := matchQuotes(g, pp)
		gKept, pKept := len(g), len(pp)
		if opts.IgnorePronounSpeakers {
			skipG := map[int]bool{}
			for i, q := range g {
				if isPronounSpeaker(q.Speaker) {
					skipG[i] = true
				}
			}
			skipP := 0
			kept := pairs[:0]
			for _, pr := range pairs {
				if skipG[pr.g] {
					skipP++
				} else {
					kept = append(kept, pr)
				}
			}
			c.GoldIgnoredPronoun += len(skipG)
			gKept -= len(skipG)
			pKept -= skipP
			pairs = kept
		}
		c.Gold += gKept
		c.Pred += pKept
		for _, pr := range pairs {
			ok := SpeakerOK(g[pr.g].Speaker, pp[pr.p].Speaker)
			c.Matched++
			kind := "named"
			switch {
			case g[pr.g].Speaker == nil:
				kind = "null"
			case isPronounSpeaker(g[pr.g].Speaker):
				kind = "pronoun"
			}
			kindMatched[kind]++
			if ok {
				c.SpeakerOK++
				kindOK[kind]++
			}
		}
	}
	c.Docs = len(gold.IDs)
	for _, id := range pred.IDs {
		if _, ok := gold.Quotes[id]; !ok {
			c.DocsUnknown++
		}
	}
	res := Quotes{
		Spans:      prf(c.Matched, c.Pred, c.Gold),
		E2E:        prf(c.SpeakerOK, c.Pred, c.Gold),
		Counts:     c,
		ByGoldKind: map[string]KindAccuracy{},
	}
	if c.Matched > 0 {
		res.SpeakerAccuracy = float64(c.SpeakerOK) / float64(c.Matched)
	}
	for kind, n := range kindMatched {
		res.ByGoldKind[kind] = KindAccuracy{Matched: n, Accuracy: float64(kindOK[kind]) / float64(n)}
	}
	return res
}

func longQuotes(qs []Quote, minWords int) []Quote {
	var out []Quote
	for _, q := range qs {
		if quoteWordCount(q.Text) >= minWords {
			out = append(out, q)
		}
	}
	return out
}

type quotePair struct {
	g, p int
	f1   float64
}

// matchQuotes is the greedy one-to-one matching: candidate pairs with a
// token F1 of at least QuoteMatchF1, best first (ties: earlier gold, then
// earlier prediction).
func matchQuotes(gold, pred []Quote) []quotePair {
	gt := make([][]string, len(gold))
	for i, q := range gold {
		gt[i] = QuoteTokens(textOf(q.Text))
	}
	pt := make([][]string, len(pred))
	for j, q := range pred {
		pt[j] = QuoteTokens(textOf(q.Text))
	}
	var cands []quotePair
	for i, a := range gt {
		for j, b := range pt {
			if f := bagF1(a, b); f >= QuoteMatchF1 {
				cands = append(cands, quotePair{i, j, f})
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		if a.f1 != b.f1 {
			return a.f1 > b.f1
		}
		if a.g != b.g {
			return a.g < b.g
		}
		return a.p < b.p
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var pairs []quotePair
	for _, c := range cands {
		if !usedG[c.g] && !usedP[c.p] {
			usedG[c.g], usedP[c.p] = true, true
			pairs = append(pairs, c)
		}
	}
	return pairs
}

func textOf(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if pyFalsy(v) {
		return ""
	}
	return pyStr(v)
}

// bagF1 is the F1 of two token bags (a gold, b predicted); 0 when either
// is empty.
func bagF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	bag := map[string]int{}
	for _, t := range a {
		bag[t]++
	}
	common := 0
	for _, t := range b {
		if bag[t] > 0 {
			bag[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(b)), float64(common)/float64(len(a))
	return 2 * p * r / (p + r)
}

// foldQuote is score_quotes.py's _fold: NFKC, lower case, curly apostrophes
// (and the modifier letter apostrophe) made straight.
func foldQuote(s string) string {
	s = lower(norm.NFKC.String(s))
	return strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'").Replace(s)
}

// QuoteTokens returns the tokens of a quote text: lower-cased runs of
// letters and digits, an apostrophe inside a word kept.
func QuoteTokens(text string) []string {
	s := foldQuote(text)
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isAlnum(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isAlnum(rs[j]) {
			j++
		}
		for j+1 < len(rs) && rs[j] == '\'' && isAlnum(rs[j+1]) {
			j++
			for j < len(rs) && isAlnum(rs[j]) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// quoteWordCount counts the white-space separated words that contain a
// letter or digit.
func quoteWordCount(v any) int {
	n := 0
	for _, w := range fields(textOf(v)) {
		if strings.ContainsFunc(w, isAlnum) {
			n++
		}
	}
	return n
}

// leadingDrop are dropped from the front of a speaker: an article and
// social honorifics ("Mr. Kelly" matches "Mark Kelly").
var leadingDrop = map[string]bool{"the": true, "mr": true, "mrs": true, "ms": true, "miss": true,
	"mx": true, "dr": true, "prof": true, "rev": true, "sen": true, "rep": true, "gov": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true,
	"i": true, "you": true, "him": true, "her": true, "them": true, "who": true, "which": true,
	"that": true, "his": true, "their": true, "its": true, "our": true, "my": true, "me": true,
	"us": true, "your": true}

// normSpeaker returns a speaker as words, or nil for no speaker.
func normSpeaker(v any) []string {
	if v == nil {
		return nil
	}
	s := foldQuote(pyStr(v))
	s = strings.ReplaceAll(dropPossessive(s), "'", "")
	words := strings.FieldsFunc(s, func(r rune) bool { return !isAlnum(r) })
	for len(words) > 1 && leadingDrop[words[0]] {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil
	}
	return words
}

// dropPossessive removes "'s" followed by a word boundary (re.sub(r"'s\b",
// "", s)).
func dropPossessive(s string) string {
	var sb strings.Builder
	for {
		i := strings.Index(s, "'s")
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		rest := s[i+2:]
		next := []rune(prefixRunes(rest, 1))
		if len(next) == 0 || !isWord(next[0]) {
			sb.WriteString(s[:i])
		} else {
			sb.WriteString(s[:i+2])
		}
		s = rest
	}
}

func isPronounSpeaker(v any) bool {
	w := normSpeaker(v)
	return len(w) == 1 && pronouns[w[0]]
}

// SpeakerOK reports whether a predicted speaker counts as the gold one: the
// normalised speakers are equal, or one is a whole-word sequence inside
// the other; nil (no speaker) matches only nil.
func SpeakerOK(gold, pred any) bool {
	g, p := normSpeaker(gold), normSpeaker(pred)
	if g == nil || p == nil {
		return g == nil && p == nil
	}
	return containsWords(g, p) || containsWords(p, g)
}

func containsWords(big, small []string) bool {
	for i := 0; i+len(small) <= len(big); i++ {
		match := true
		for k, w := range small {
			if big[i+k] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

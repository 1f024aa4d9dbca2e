package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/extract/metadata"
)

// ExtractText extracts an article from plain text, as naive scraping gives
// it: paragraphs are separated by blank lines. A first short line that
// reads as a headline becomes the title. Boilerplate paragraphs are dropped
// by the same wording rules as in HTML (boilerplate.go), and by their
// position and shape at the edges of the text: label lines before the
// headline, and an appeal at the tail together with everything after it.
func ExtractText(text string, opts *Options) (*Article, error) {
	// NUL is never text; the HTML parser turns it into U+FFFD too.
	text = strings.ReplaceAll(text, "\x00", "\uFFFD")
	paras := splitParagraphs(text)
	title, blocks, removed := textContent(paras, opts != nil && opts.Explain)
	meta := metadata.FromURL(opts.pageURL(), metadata.Options{Now: opts.now()})
	meta.Title = title
	a := newArticle(meta, opts)
	a.setBody(blocks)
	if opts != nil && opts.Explain {
		a.Removed = removed
	}
	if a.Body == "" {
		return a, ErrNoContent
	}
	return a, nil
}

// splitParagraphs splits text on blank lines; the lines of one paragraph
// are joined with single spaces. A text without any blank line has one
// paragraph per line.
func splitParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if !hasBlankLine(text) {
		var out []string
		for line := range strings.SplitSeq(text, "\n") {
			if line = strings.Join(strings.Fields(line), " "); line != "" {
				out = append(out, line)
			}
		}
		return out
	}
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

func hasBlankLine(text string) bool {
	text = strings.TrimSpace(text)
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return false
		}
		text = text[i+1:]
		j := 0
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return true
		}
	}
}

// textContent picks the title and the body paragraphs.
func textContent(paras []string, explain bool) (string, []block, []Removal) {
	rules := make([]string, len(paras))
	for i, p := range paras {
		rules[i] = wordingRule(p)
		switch {
		case rules[i] != "":
		case isBylineText(p, nil):
			rules[i] = ruleByline
		case isDateLine(p):
			rules[i] = ruleDate
		case isCredit(p):
			rules[i] = ruleCaption
		}
	}

	// The title: the first paragraph that is not boilerplate, if it reads
	// as a headline. Short labels before it are dropped.
	title := ""
	start := 0
	for i, p := range paras {
		if rules[i] != "" {
			continue
		}
		if isHeadline(p) && i+1 < len(paras) {
			title = stripSiteName(p)
			rules[i] = ruleTitle
			start = i + 1
		} else {
			start = i
		}
		break
	}
	for i := 0; i < start; i++ {
		if rules[i] == "" {
			rules[i] = ruleEdge
		}
	}

	title = trimMenus(paras, rules, start, title)

	// The tail: an appeal in the second half runs to the end.
	for i := start; i < len(paras); i++ {
		if rules[i] == ruleAppeal && (i-start)*2 >= len(paras)-start {
			for j := i + 1; j < len(paras); j++ {
				if rules[j] == "" {
					rules[j] = ruleTailAppeal
				}
			}
			break
		}
	}
	// Short non-sentences at the end ("Continue", "Share", a site name).
	for i := len(paras) - 1; i >= start; i-- {
		if rules[i] != "" {
			continue
		}
		if endsSentence(paras[i]) || wordCount(paras[i]) > 4 {
			break
		}
		rules[i] = ruleEdge
	}

	var blocks []block
	var removed []Removal
	for i, p := range paras {
		if rules[i] == "" {
			blocks = append(blocks, block{text: p, textLen: len(p)})
			continue
		}
		if explain && rules[i] != ruleTitle {
			removed = append(removed, Removal{Text: truncateRunes(p, 200), Rule: rules[i], Path: "text"})
		}
	}
	return title, blocks, removed
}

// trimMenus drops the menus and teaser lists of a whole-page scrape at
// the edges of the text: before the first long paragraph, the lines that
// are not sentences (menu entries, labels, headlines, the headline again)
// and the very short ones; after the last one, a run of three or more such
// lines (a footer menu, a list of headlines).
//
// It returns the title, or the headline line when the text repeats the
// title without a label before it ("Opinion | Headline" in the title,
// "Headline" in the text).
func trimMenus(paras, rules []string, start int, title string) string {
	firstLong, lastLong := -1, -1
	for i := start; i < len(paras); i++ {
		if rules[i] == "" && wordCount(paras[i]) >= 30 {
			if firstLong < 0 {
				firstLong = i
			}
			lastLong = i
		}
	}
	if firstLong < 0 {
		return title
	}
	nt := normText(title)
	headline := title
	for i := start; i < firstLong; i++ {
		if rules[i] != "" {
			continue
		}
		switch {
		case nt != "" && sameTitle(normText(paras[i]), nt):
			rules[i] = ruleTitle
			if p := paras[i]; len(p) < len(headline) && strings.HasSuffix(title, p) && isHeadline(p) {
				headline = p
			}
		case isMenuLine(paras[i]) || wordCount(paras[i]) <= 4:
			rules[i] = ruleEdge
		}
	}
	run, menus := 0, 0
	i := len(paras) - 1
	for ; i > lastLong; i-- {
		if rules[i] != "" {
			continue
		}
		p := paras[i]
		if !isMenuLine(p) && !(wordCount(p) <= 15 && strings.HasSuffix(p, "?")) {
			break
		}
		run++
		if !endsSentence(p) {
			menus++
		}
	}
	if run < 3 || menus < 2 {
		return headline
	}
	for j := i + 1; j < len(paras); j++ {
		if rules[j] == "" {
			rules[j] = ruleEdge
		}
	}
	return headline
}

// isMenuLine reports a line of a menu or a list of headlines: a few
// words, not a sentence.
func isMenuLine(p string) bool {
	n := wordCount(p)
	return n <= 6 || n <= 15 && !endsSentence(p)
}

// stripSiteName removes a site name set after the headline with a dash or
// a bar: "Headline - The New York Times", "Headline | Le Monde".
func stripSiteName(t string) string {
	for _, sep := range []string{" - ", " | ", " – ", " — ", " :: ", " · "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, site := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if len(site) < len(head) && wordCount(head) >= 3 && readsAsSiteName(site) {
			return head
		}
	}
	return t
}

// readsAsSiteName reports a short name: at most five words, each with a
// capital letter or a digit (or a small connecting word, or a domain
// name), no sentence punctuation.
func readsAsSiteName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || endsSentence(s) && !strings.HasSuffix(s, ".com") {
		return false
	}
	if strings.ContainsAny(s, ",;:!?") {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
		case i > 0 && siteConnectors[strings.ToLower(w)]:
		case strings.Contains(w, ".") && len(w) > 4:
		default:
			return false
		}
	}
	return true
}

var siteConnectors = map[string]bool{"of": true, "the": true, "and": true, "&": true, "de": true, "du": true, "des": true, "la": true, "le": true, "el": true, "del": true, "der": true, "die": true, "das": true, "di": true, "da": true, "do": true, "dos": true, "y": true, "e": true, "et": true, "und": true, "on": true, "for": true}

// isHeadline reports a line that reads as a headline: short, one line, not
// ending like a sentence (a question may), starting with a capital letter
// or a digit, and mostly capitalised words or a few words.
func isHeadline(p string) bool {
	if len(p) > 200 || len(p) < 8 {
		return false
	}
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 20 {
		return false
	}
	t := strings.TrimRight(p, " \"'”’»")
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == '.' || last == ',' || last == ';' || last == ':' || last == '!' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '"' && first != '“' && first != '«' {
		return false
	}
	return true
}

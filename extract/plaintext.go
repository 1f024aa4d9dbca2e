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
			title = p
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

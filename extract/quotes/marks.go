package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation mark pairing. A paragraph is scanned once, left to right, with a
// small stack of open marks. Straight marks are told apart from apostrophes
// and inch marks by the characters around them; curly and angle marks by
// their own shape. Only outermost pairs become spans: nested quotations stay
// inside the outer text with their marks.

// family groups marks that can close one another.
type family uint8

const (
	famDouble          family = iota + 1 // " “ ” „
	famGuillemet                         // « »
	famSingleGuillemet                   // ‹ ›
	famCorner                            // 「 」
	famWhiteCorner                       // 『 』
	famSingle                            // ‘ ’ ' ‚
)

// span is one outermost quoted stretch of a paragraph.
type span struct {
	open   int    // byte offset of the opening mark
	start  int    // inner text, without the marks and surrounding spaces
	end    int    //
	close  int    // byte offset just past the closing mark (len(p) when unclosed)
	fam    family // mark family
	closed bool   // a closing mark was found in the paragraph
	cont   bool   // reopens a quotation left open at the end of the previous paragraph
	minor  bool   // single marks when they are not the main marks: a term, not a quotation
	words  int    // wordCount of the inner text
}

type openMark struct {
	fam    family
	r      rune
	pos    int
	nested bool // a quotation of the same family opened and closed inside it
}

// maxStack bounds nesting; deeper marks are ignored (they stay in the text).
const maxStack = 8

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpaceRune(r rune) bool {
	return r == 0 || unicode.IsSpace(r)
}

// pairMarks returns the outermost quoted spans of p in order. singles says
// whether single marks (‘…’, '…') are the article's main quotation marks;
// otherwise they only nest inside double ones.
func pairMarks(p string, singles bool) []span {
	var spans []span
	var stack []openMark
	prev, lastSeen := rune(0), rune(0) // lastSeen: the last rune that is not a space
	for i := 0; i < len(p); {
		if plainASCII[p[i]] {
			// the common case, a run of ASCII characters that are no marks:
			// only the last rune and the last one that is not a space matter
			j := i + 1
			for j < len(p) && plainASCII[p[j]] {
				j++
			}
			prev = rune(p[j-1])
			for k := j - 1; k >= i; k-- {
				if c := p[k]; c != ' ' && c != 0 && (c < '\t' || c > '\r') { // !isSpaceRune
					lastSeen = rune(c)
					break
				}
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		if !isMark(r) {
			if !isSpaceRune(r) {
				lastSeen = r
			}
			prev = r
			i += size
			continue
		}
		next := rune(0)
		if i+size < len(p) {
			var nsize int
			next, nsize = utf8.DecodeRuneInString(p[i+size:])
			// doubled single marks stand for a double one: ‘‘…’’, ''…'', ``…''
			if d, ok := doubled[[2]rune{r, next}]; ok {
				r, size = d, size+nsize
				next = 0
				if i+size < len(p) {
					next, _ = utf8.DecodeRuneInString(p[i+size:])
				}
			}
		}
		fam, opener, closer := classify(r, prev, next, stack)
		switch {
		case closer >= 0:
			o := stack[closer]
			stack = stack[:closer]
			if n := len(stack); n > 0 && stack[n-1].fam == o.fam {
				stack[n-1].nested = true
			}
			switch {
			case outermost(stack, o.fam, singles):
				spans = appendSpan(spans, makeSpan(p, o, i, i+size, true))
			case o.fam == famSingle && len(stack) == 0 && (len(spans) == 0 || spans[len(spans)-1].close <= o.pos):
				// kept as one token, so its words and punctuation stay out
				// of the attribution
				sp := makeSpan(p, o, i, i+size, true)
				sp.minor = true
				spans = append(spans, sp)
			}
		case opener && len(stack) < maxStack:
			// “Glasgow (“No Place Like Home”). “It grabbed me …”: a new
			// sentence opening a quotation after a nested one closed means
			// the outer mark was never closed; it ends before the new one
			if n := len(stack); n > 0 && fam == famDouble && stack[n-1].fam == famDouble && stack[n-1].nested &&
				isSpaceRune(prev) && (lastSeen == '.' || lastSeen == '!' || lastSeen == '?') && outermost(stack[:n-1], famDouble, singles) {
				spans = append(spans, makeSpan(p, stack[n-1], i, i, true))
				stack = stack[:n-1]
			}
			stack = append(stack, openMark{fam: fam, r: r, pos: i})
		}
		if !isSpaceRune(r) {
			lastSeen = r
		}
		prev = r
		i += size
	}
	// A double or angle mark left open runs to the end of the paragraph.
	for k, o := range stack {
		// a single mark left open counts only where single marks are the
		// main ones and it opens a sentence ("she said. 'It was …"); the
		// caller keeps it only when the next paragraph reopens it
		openSingle := o.fam == famSingle && singles && k == 0 && opensSentence(p, o.pos)
		if (o.fam != famSingle || openSingle) && outermost(stack[:k], o.fam, singles) {
			s := makeSpan(p, o, len(p), len(p), false)
			if s.end > s.start {
				spans = appendSpan(spans, s)
			}
			break
		}
	}
	return spans
}

// appendSpan appends s, dropping the spans already found inside it: a
// double-quoted span closes before the single-quoted one around it
// ('If-Match: "1"'), and spans must not overlap.
func appendSpan(spans []span, s span) []span {
	for len(spans) > 0 && spans[len(spans)-1].open >= s.open {
		spans = spans[:len(spans)-1]
	}
	return append(spans, s)
}

// outermost reports whether a mark of family f closing over the marks below
// it (stack) is an outermost quotation: nothing is open below it but, when
// singles are not the main marks, stray single marks.
func outermost(below []openMark, f family, singles bool) bool {
	if f == famSingle {
		return singles && len(below) == 0
	}
	for _, o := range below {
		if o.fam != famSingle || singles {
			return false
		}
	}
	return true
}

func makeSpan(p string, o openMark, closeAt, after int, closed bool) span {
	_, osize := utf8.DecodeRuneInString(p[o.pos:])
	start, end := o.pos+osize, closeAt
	for start < end {
		r, size := utf8.DecodeRuneInString(p[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(p[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return span{open: o.pos, start: start, end: end, close: after, fam: o.fam, closed: closed, words: wordCount(p[start:end])}
}

// find returns the index of the topmost open mark that r can close, or -1.
func find(stack []openMark, ok func(openMark) bool) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if ok(stack[k]) {
			return k
		}
	}
	return -1
}

// classify decides what the rune r does: close the mark at stack index
// closer, open a mark of family fam, or nothing.
func classify(r, prev, next rune, stack []openMark) (fam family, opener bool, closer int) {
	closer = -1
	isDouble := func(o openMark) bool { return o.fam == famDouble }
	switch r {
	case '"':
		if k := find(stack, isDouble); k >= 0 {
			return 0, false, k
		}
		if unicode.IsDigit(prev) && !isWordRune(next) {
			return 0, false, -1 // inch mark: 5"
		}
		return famDouble, true, -1
	case '“':
		// German „…“ closes with “; a “ after text and before a space or
		// punctuation closes an open double too.
		if k := find(stack, func(o openMark) bool { return o.r == '„' }); k >= 0 {
			return 0, false, k
		}
		if k := find(stack, isDouble); k >= 0 && (!isSpaceRune(prev) && !isWordRune(next) || isClosingPunct(next)) {
			return 0, false, k
		}
		return famDouble, true, -1
	case '”':
		if k := find(stack, isDouble); k >= 0 {
			return 0, false, k
		}
		if isSpaceRune(prev) && isWordRune(next) {
			return famDouble, true, -1 // Swedish and Finnish ”…”
		}
		return 0, false, -1
	case '„':
		return famDouble, true, -1
	case '«':
		return famGuillemet, true, -1
	case '»':
		if k := find(stack, func(o openMark) bool { return o.fam == famGuillemet }); k >= 0 {
			return 0, false, k
		}
		return 0, false, -1
	case '‹':
		return famSingleGuillemet, true, -1
	case '›':
		if k := find(stack, func(o openMark) bool { return o.fam == famSingleGuillemet }); k >= 0 {
			return 0, false, k
		}
		return 0, false, -1
	case '「':
		return famCorner, true, -1
	case '」':
		if k := find(stack, func(o openMark) bool { return o.fam == famCorner }); k >= 0 {
			return 0, false, k
		}
		return 0, false, -1
	case '『':
		return famWhiteCorner, true, -1
	case '』':
		if k := find(stack, func(o openMark) bool { return o.fam == famWhiteCorner }); k >= 0 {
			return 0, false, k
		}
		return 0, false, -1
	case '‚':
		if isWordRune(prev) {
			return 0, false, -1
		}
		return famSingle, true, -1
	case '‘':
		if k := find(stack, func(o openMark) bool { return o.r == '‚' }); k >= 0 {
			return 0, false, k
		}
		if isWordRune(prev) || isSpaceRune(next) {
			return 0, false, -1
		}
		return famSingle, true, -1
	case '’', '\'':
		if isWordRune(prev) && isWordRune(next) {
			return 0, false, -1 // apostrophe: don’t, O’Brien
		}
		top := -1
		if len(stack) > 0 && stack[len(stack)-1].fam == famSingle {
			top = len(stack) - 1
		}
		if top >= 0 && !isSpaceRune(prev) && !isWordRune(next) {
			return 0, false, top
		}
		if r == '\'' && !isWordRune(prev) && isWordRune(next) && !unicode.IsDigit(next) {
			return famSingle, true, -1
		}
		return 0, false, -1
	}
	return 0, false, -1
}

// plainASCII tells the ASCII characters that are no quotation marks.
var plainASCII = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !isMark(rune(c))
	}
	return t
}()

// isMark reports whether r can open or close a quotation, alone or doubled
// (classify and doubled know no other rune).
func isMark(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '„', '«', '»', '‹', '›', '「', '」', '『', '』', '‚', '‘', '’':
		return true
	}
	return false
}

var doubled = map[[2]rune]rune{
	{'’', '’'}: '”', {'‘', '‘'}: '“', {'\'', '\''}: '"', {'`', '`'}: '“',
}

// startsWithOpener reports whether p begins (after spaces) with an opening
// mark of family f: the sign that it continues a quotation.
func startsWithOpener(p string, f family) bool {
	for _, r := range p {
		if unicode.IsSpace(r) {
			continue
		}
		switch f {
		case famDouble:
			return r == '"' || r == '“' || r == '„' || r == '”'
		case famGuillemet:
			return r == '«' || r == '»'
		case famSingleGuillemet:
			return r == '‹'
		case famCorner:
			return r == '「'
		case famWhiteCorner:
			return r == '『'
		case famSingle:
			return r == '\'' || r == '‘'
		}
		return false
	}
	return false
}

// opensSentence reports whether the mark at pos starts p or follows the end
// of a sentence.
func opensSentence(p string, pos int) bool {
	t := strings.TrimRightFunc(p[:pos], unicode.IsSpace)
	if t == "" {
		return true
	}
	if len(t) == pos {
		return false // no space before the mark
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == ':'
}

// isClosingPunct: punctuation that follows a closing mark, never an opening one.
func isClosingPunct(r rune) bool {
	return r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == ')'
}

// hasSingleOpener reports whether p holds a single mark that can open a
// quotation (‘, ‚, or ' after a non-letter), not only apostrophes.
func hasSingleOpener(p string) bool {
	if strings.Contains(p, "‘") || strings.Contains(p, "‚") {
		return true
	}
	for i := strings.IndexByte(p, '\''); i >= 0; {
		if i == 0 || !isWordRune(rune(p[i-1])) && p[i-1] < utf8.RuneSelf {
			return true
		}
		j := strings.IndexByte(p[i+1:], '\'')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

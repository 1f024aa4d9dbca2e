package extract

import (
	"bytes"
	"sync"
)

// blankRawText returns a copy of a decoded page, appended to buf, in which
// the contents of script elements (except JSON-LD), style and noscript
// elements and the text of comments are emptied; their tags are kept, so
// the page parses to the same tree with those texts left out:
// "<script src=x>code</script>" becomes "<script src=x></script>" and
// "<!-- x -->" becomes "<!---->". When there is nothing to empty it
// returns the page itself, and copied is false.
//
// Why: about half of a news page's bytes are scripts and style sheets,
// which golang.org/x/net/html's tokenizer reads byte by byte and copies
// into text nodes, and which nothing in byline reads (only JSON-LD
// scripts, read by the metadata). Jumping over them with bytes.IndexByte
// makes the parse cheaper than parsing the page as it is.
//
// The copy must parse exactly as the page does, so the scanner recognises
// tokens as the tokenizer does (tag names and attributes with their
// quoting, comments with their "<!-->", "--!>" forms, bogus comments,
// the end of raw text at "</name" followed by white space, "/" or ">",
// and script data with its escaped states), and skips the contents of the
// other raw text elements (title, textarea, xmp, iframe, noembed,
// noframes) so as never to take their text for tags. Where the parser,
// not the tokenizer, decides how bytes are read (inside <svg> and <math>,
// where a <style> or <title> holds elements and CDATA sections exist) it
// empties nothing but comments, and it follows the foreign elements only
// as long as they cannot differ from the parser's. At anything it cannot
// be sure of (an HTML element breaking out of the foreign content, an end
// tag that does not close the current element, an integration point or
// raw text element holding more than text, <plaintext>, the end of the
// input inside a token, a frameset or a <col> after a <template>, where
// the parser ignores <script> and <style> but keeps the white space of
// their text) it copies the rest of the page unchanged, which parses as
// the page does whatever the parser's state.
func blankRawText(in, buf []byte) (out []byte, copied bool) {
	s := rawScanner{in: in, out: buf}
	var stack [16][]byte
	s.foreign = stack[:0]
	s.scan()
	return s.result()
}

func (s *rawScanner) result() ([]byte, bool) {
	if s.last == 0 {
		return s.in, false
	}
	return append(s.out, s.in[s.last:]...), true
}

// blankBufs recycles the copies: the parser copies what it keeps into the
// tree, so a copy is free again once the page is parsed.
var blankBufs = sync.Pool{New: func() any { return new([]byte) }}

// rawScanner is the state of blankRawText.
type rawScanner struct {
	in, out []byte
	last    int // in[last:] is not yet copied to out

	// foreign holds the names of the open svg and math elements and of
	// the elements inside them, outermost first, as written in the page;
	// empty in HTML content.
	foreign [][]byte

	sawTemplate bool // a <template> start tag was read

	// stopped tells why the scan gave up before the end (for tests).
	stopped string
}

// cut copies the input up to from and skips it up to to.
func (s *rawScanner) cut(from, to int) {
	s.out = append(s.out, s.in[s.last:from]...)
	s.last = to
}

// stop ends the scan, the rest of the page being copied as it is.
func (s *rawScanner) stop(why string) {
	s.stopped = why
}

func (s *rawScanner) scan() {
	in := s.in
	i := 0
	for s.stopped == "" {
		k := bytes.IndexByte(in[i:], '<')
		if k < 0 {
			return
		}
		i += k
		if i+1 >= len(in) {
			return
		}
		switch c := in[i+1]; {
		case isLetter(c):
			i = s.startTag(i)
		case c == '/':
			i = s.endTag(i)
		case c == '!':
			i = s.markup(i)
		case c == '?':
			// A bogus comment, up to the next ">".
			i = closeAngle(in, i+2)
		default:
			i++ // text
		}
		if i < 0 {
			s.stop("end of input in a token")
		}
	}
}

// tag is what the scanner needs of a tag read by readTag.
type tag struct {
	name        []byte
	end         int  // just past the ">"
	selfClosing bool // certainly self-closing; false when in doubt
	keepScript  bool // a type attribute that may say JSON-LD
}

func (s *rawScanner) startTag(i int) int {
	t, ok := readTag(s.in, i+1)
	if !ok {
		return -1
	}
	if len(s.foreign) == 0 && !nameStart[t.name[0]] {
		return t.end // no name the scanner looks for in HTML content
	}
	var buf [maxName]byte
	name := lowName(&buf, t.name)
	switch string(name) {
	case "template":
		s.sawTemplate = true
	case "col":
		// A <col> directly in a template puts the parser in the column
		// group insertion mode, which ignores <script> and <style> there
		// and keeps the white space of their text.
		if s.sawTemplate {
			s.stop("col in template")
			return t.end
		}
	}
	if len(s.foreign) > 0 {
		return s.foreignStartTag(t, name)
	}
	switch string(name) {
	case "script":
		end, ok := scriptEnd(s.in, t.end)
		if !ok {
			return -1
		}
		if !t.keepScript && end > t.end {
			s.cut(t.end, end)
		}
		return end
	case "style", "noscript":
		end, ok := rawEnd(s.in, t.end, name)
		if !ok {
			return -1
		}
		if end > t.end {
			s.cut(t.end, end)
		}
		return end
	case "title", "textarea", "xmp", "iframe", "noembed", "noframes":
		end, ok := rawEnd(s.in, t.end, name)
		if !ok {
			return -1
		}
		return end
	case "plaintext":
		s.stop("plaintext")
	case "frameset":
		// The frameset insertion modes ignore <script> and <style> and
		// keep the white space of their text.
		s.stop("frameset")
	case "svg", "math":
		if !t.selfClosing {
			s.foreign = append(s.foreign, t.name)
		}
	}
	return t.end
}

// nameStart holds the first letters, in both cases, of the start tags
// startTag looks for in HTML content.
var nameStart = func() (set [256]bool) {
	for _, c := range []byte("cfimnpstx") {
		set[c], set[c-'a'+'A'] = true, true
	}
	return set
}()

// maxName is the length of the longest tag name the scanner looks for
// ("annotation-xml").
const maxName = len("annotation-xml")

// lowName returns a tag name in lower case, in buf, if it is no longer
// than maxName, else nil.
func lowName(buf *[maxName]byte, name []byte) []byte {
	if len(name) > maxName {
		return nil
	}
	n := copy(buf[:], name)
	lowerASCII(buf[:n])
	return buf[:n]
}

// foreignStartTag follows a start tag inside svg or math. The parser
// makes it a foreign element, unless it breaks out of foreign content or
// sits in an integration point (where it is HTML); the tokenizer reads
// what follows a <style> or <title> as text or as tags depending on which.
// The scanner goes on only where both readings give the same tokens.
func (s *rawScanner) foreignStartTag(t tag, name []byte) int {
	switch string(name) {
	case "plaintext", "frameset", "font":
		s.stop("foreign " + string(name))
		return t.end
	case "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
		"desc", "foreignobject", "annotation-xml", "mi", "mo", "mn", "ms", "mtext":
		// Raw text in HTML, elements in foreign content; integration
		// points, whose content is HTML: either way the same tokens if
		// the next "<" is the element's end tag.
		k := bytes.IndexByte(s.in[t.end:], '<')
		if k < 0 || !endTagAt(s.in, t.end+k, name) {
			s.stop("foreign " + string(name))
			return t.end
		}
	default:
		if breakout[string(name)] {
			s.stop("breakout " + string(name))
			return t.end
		}
	}
	if !t.selfClosing {
		s.foreign = append(s.foreign, t.name)
	}
	return t.end
}

// breakout lists the start tags that end foreign content (as in
// golang.org/x/net/html's foreign.go; <font> is handled apart).
var breakout = map[string]bool{
	"b": true, "big": true, "blockquote": true, "body": true, "br": true, "center": true, "code": true,
	"dd": true, "div": true, "dl": true, "dt": true, "em": true, "embed": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "hr": true, "i": true, "img": true,
	"li": true, "listing": true, "menu": true, "meta": true, "nobr": true, "ol": true, "p": true,
	"pre": true, "ruby": true, "s": true, "small": true, "span": true, "strong": true, "strike": true,
	"sub": true, "sup": true, "table": true, "tt": true, "u": true, "ul": true, "var": true,
}

func (s *rawScanner) endTag(i int) int {
	in := s.in
	if i+2 >= len(in) {
		return -1
	}
	switch c := in[i+2]; {
	case c == '>':
		return i + 3 // "</>" is no token at all
	case !isLetter(c):
		return closeAngle(in, i+2) // a bogus comment
	}
	t, ok := readTag(in, i+2)
	if !ok {
		return -1
	}
	if n := len(s.foreign); n > 0 {
		// Inside foreign content only the end tag of the current element
		// surely closes what the parser closes.
		if !equalFoldASCII(t.name, s.foreign[n-1]) {
			s.stop("foreign end tag")
			return t.end
		}
		s.foreign = s.foreign[:n-1]
	}
	return t.end
}

// markup reads "<!": a comment, a doctype, a CDATA section in foreign
// content, or a bogus comment.
func (s *rawScanner) markup(i int) int {
	in := s.in
	p := i + 2
	if p+2 > len(in) {
		return -1
	}
	if in[p] == '-' && in[p+1] == '-' {
		end := commentEnd(in, p+2)
		if end < 0 {
			return -1
		}
		if end-i > len("<!---->") {
			s.out = append(s.out, in[s.last:i]...)
			s.out = append(s.out, "<!---->"...)
			s.last = end
		}
		return end
	}
	end := closeAngle(in, p)
	if len(s.foreign) > 0 && bytes.HasPrefix(in[p:], []byte("[CDATA[")) {
		// CDATA in foreign content, a bogus comment in HTML: the same
		// token if its first ">" ends the section.
		if end < 0 || end-1 < p+len("[CDATA[")+2 || in[end-2] != ']' || in[end-3] != ']' {
			s.stop("CDATA")
			return i
		}
	}
	return end
}

// commentEnd returns the end of the comment whose text starts at i (just
// past "<!--"), as the tokenizer's readComment finds it: the first ">"
// that follows "--" or "--!", or only dashes; -1 at the end of input.
func commentEnd(in []byte, i int) int {
	for j := i; ; j++ {
		k := bytes.IndexByte(in[j:], '>')
		if k < 0 {
			return -1
		}
		j += k
		n := j - i
		switch {
		case n >= 2 && in[j-1] == '-' && in[j-2] == '-',
			n >= 3 && in[j-1] == '!' && in[j-2] == '-' && in[j-3] == '-',
			onlyDashes(in[i:j]):
			return j + 1
		}
	}
}

func onlyDashes(b []byte) bool {
	for _, c := range b {
		if c != '-' {
			return false
		}
	}
	return true
}

// closeAngle returns the index just past the first ">" at or after i, -1
// if there is none.
func closeAngle(in []byte, i int) int {
	k := bytes.IndexByte(in[i:], '>')
	if k < 0 {
		return -1
	}
	return i + k + 1
}

// rawEnd returns the end of the raw text or RCDATA starting at i: the
// first "</name" followed by white space, "/" or ">" (the tokenizer's
// readRawOrRCDATA). ok is false when the text runs to the end of input.
func rawEnd(in []byte, i int, name []byte) (int, bool) {
	for {
		k := bytes.IndexByte(in[i:], '<')
		if k < 0 {
			return 0, false
		}
		i += k
		if endTagAt(in, i, name) {
			return i, true
		}
		if i+2+len(name) >= len(in) {
			// "</name" without what follows it is text to the end.
			return 0, false
		}
		i++
	}
}

// endTagAt reports whether in[i:] opens with "</name" (in any case)
// followed by white space, "/" or ">".
func endTagAt(in []byte, i int, name []byte) bool {
	j := i + 2 + len(name)
	if j >= len(in) || in[i] != '<' || in[i+1] != '/' || !equalLower(in[i+2:j], string(name)) {
		return false
	}
	switch in[j] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true
	}
	return false
}

// scriptEnd returns where the script data starting at i ends, following
// the tokenizer's readScript state by state: a "</script" ends it,
// except inside "<!--" ... "-->" after a "<script" (double escaped). ok
// is false when it runs to the end of input.
func scriptEnd(in []byte, i int) (int, bool) {
	const (
		data = iota
		escaped
		escapedDash
		escapedDashDash
		doubleEscaped
		doubleEscapedDash
		doubleEscapedDashDash
	)
	n := len(in)
	state := data
	for {
		if i >= n {
			return 0, false
		}
		switch state {
		case data:
			k := bytes.IndexByte(in[i:], '<')
			if k < 0 || i+k+1 >= n {
				return 0, false
			}
			i += k + 1
			switch in[i] {
			case '/':
				lt := i - 1
				j, ok, eof := rawEndTagAt(in, i+1)
				if eof {
					return 0, false
				}
				if ok {
					return lt, true
				}
				i = j
			case '!':
				i++
				if i < n && in[i] == '-' {
					i++
					if i < n && in[i] == '-' {
						i++
						state = escapedDashDash
					}
				}
			}
		case escaped, escapedDash, escapedDashDash:
			c := in[i]
			i++
			switch c {
			case '-':
				if state == escaped {
					state = escapedDash
				} else {
					state = escapedDashDash
				}
			case '<':
				// escaped less-than sign
				if i >= n {
					return 0, false
				}
				c = in[i]
				i++
				switch {
				case c == '/':
					lt := i - 2
					j, ok, eof := rawEndTagAt(in, i)
					if eof {
						return 0, false
					}
					if ok {
						return lt, true
					}
					i = j
					state = escaped
				case isLetter(c):
					// double escape start: "script" and a delimiter.
					i--
					j, ok, eof := matchScriptWord(in, i)
					if eof {
						return 0, false
					}
					i = j
					if ok {
						state = doubleEscaped
					} else {
						state = escaped
					}
				default:
					i--
					state = data
				}
			case '>':
				if state == escapedDashDash {
					state = data
				} else {
					state = escaped
				}
			default:
				state = escaped
			}
		case doubleEscaped, doubleEscapedDash, doubleEscapedDashDash:
			c := in[i]
			i++
			switch c {
			case '-':
				if state == doubleEscaped {
					state = doubleEscapedDash
				} else {
					state = doubleEscapedDashDash
				}
			case '<':
				if i >= n {
					return 0, false
				}
				if in[i] != '/' {
					state = doubleEscaped // the byte is read again there
					continue
				}
				i++
				// double escape end
				j, ok, eof := rawEndTagAt(in, i)
				if eof {
					return 0, false
				}
				if ok {
					i = j - 2 + len("</script>")
					state = escaped
				} else {
					i = j
					state = doubleEscaped
				}
			case '>':
				if state == doubleEscapedDashDash {
					state = data
				} else {
					state = doubleEscaped
				}
			default:
				state = doubleEscaped
			}
		}
	}
}

// rawEndTagAt is the tokenizer's readRawEndTag for "script", with the
// input at i just past "</". When ok, j is i (the tokenizer backs up to
// the "<" to read the end tag); otherwise j is the position of the byte
// that did not match, which the tokenizer reads again. eof reports that
// the input ended first.
func rawEndTagAt(in []byte, i int) (j int, ok, eof bool) {
	j = i
	for k := 0; k < len("script"); k++ {
		if j >= len(in) {
			return j, false, true
		}
		if c := in[j]; c != "script"[k] && c != "SCRIPT"[k] {
			return j, false, false
		}
		j++
	}
	if j >= len(in) {
		return j, false, true
	}
	switch in[j] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return i, true, false
	}
	return j, false, false
}

// matchScriptWord is the tokenizer's double-escape-start check: "script"
// (in any case) and a delimiter at i. j is where reading goes on.
func matchScriptWord(in []byte, i int) (j int, ok, eof bool) {
	j = i
	for k := 0; k < len("script"); k++ {
		if j >= len(in) {
			return j, false, true
		}
		if c := in[j]; c != "script"[k] && c != "SCRIPT"[k] {
			return j, false, false
		}
		j++
	}
	if j >= len(in) {
		return j, false, true
	}
	switch in[j] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return j + 1, true, false
	}
	return j, false, false
}

// Byte classes for readTag: the bytes that end a tag name or an
// attribute key or value. A table lookup per byte is cheaper than
// comparing each byte with all of them.
const (
	clSpace = 1 << iota // white space: ' ', '\n', '\r', '\t', '\f'
	clSlash             // '/'
	clGT                // '>'
	clEq                // '='
)

var byteClass = [256]uint8{
	' ': clSpace, '\n': clSpace, '\r': clSpace, '\t': clSpace, '\f': clSpace,
	'/': clSlash, '>': clGT, '=': clEq,
}

// readTag reads a tag as the tokenizer's readTag does, i at the first
// byte of its name. ok is false when the input ends inside it.
func readTag(in []byte, i int) (t tag, ok bool) {
	n := len(in)
	// Tag name: up to white space, "/" or ">".
	start := i
	i++
	for {
		if i >= n {
			return t, false
		}
		c := byteClass[in[i]]
		if c&clSpace != 0 {
			t.name = in[start:i]
			i++
			break
		}
		if c&(clSlash|clGT) != 0 {
			t.name = in[start:i]
			break
		}
		i++
	}
	lastVal := -1 // end of the value of the last attribute with a key
	for {
		i = skipSpace(in, i)
		if i >= n {
			return t, false
		}
		if in[i] == '>' {
			i++
			break
		}
		// Attribute key: up to white space, "/", ">" or a "=" that is not
		// its first byte.
		ks := i
		if in[i] != '/' {
			i++
			for i < n && byteClass[in[i]] == 0 {
				i++
			}
		}
		if i >= n {
			return t, false
		}
		key := in[ks:i]
		// Attribute value.
		vs, ve := i, i
		i = skipSpace(in, i)
		if i >= n {
			return t, false
		}
		switch in[i] {
		case '/':
			i++
		case '=':
			i = skipSpace(in, i+1)
			if i >= n {
				return t, false
			}
			switch q := in[i]; q {
			case '>':
			case '"', '\'':
				k := bytes.IndexByte(in[i+1:], q)
				if k < 0 {
					return t, false
				}
				vs, ve = i+1, i+1+k
				i = ve + 1
			default:
				vs = i
				for {
					i++
					if i >= n {
						return t, false
					}
					c := byteClass[in[i]]
					if c&clSpace != 0 {
						ve = i
						i++
						break
					}
					if c&clGT != 0 {
						ve = i
						break
					}
				}
			}
		}
		if len(key) > 0 {
			lastVal = ve
			if len(key) == len("type") && equalLower(key, "type") && mayBeJSONLD(in[vs:ve]) {
				t.keepScript = true
			}
		}
	}
	t.end = i
	// Self-closing as the tokenizer decides: "/" before the ">" that is not
	// the end of an unquoted value (as in <a href=/>). The tokenizer looks
	// at the last attribute it kept (not at duplicates), so when the last
	// attribute read ends at the "/" the answer is in doubt: not
	// self-closing.
	t.selfClosing = in[i-2] == '/' && lastVal-1 != i-2
	return t, true
}

// mayBeJSONLD reports a script type that may read "application/ld+json"
// once its character references are decoded, white space trimmed and
// letters lowered.
func mayBeJSONLD(v []byte) bool {
	for _, c := range v {
		if c == '&' || c >= 0x80 {
			return true
		}
	}
	const s = "ld+json"
	for k := 0; k+len(s) <= len(v); k++ {
		if equalLower(v[k:k+len(s)], s) {
			return true
		}
	}
	return false
}

func skipSpace(in []byte, i int) int {
	for i < len(in) && byteClass[in[i]] == clSpace {
		i++
	}
	return i
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// equalLower reports whether b equals low (lower case ASCII) ignoring the
// case of ASCII letters in b, as the tokenizer compares names.
func equalLower(b []byte, low string) bool {
	if len(b) != len(low) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// equalFoldASCII reports whether a and b are equal but for the case of
// ASCII letters, as the tokenizer's lower-cased names are.
func equalFoldASCII(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i, c := range a {
		d := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

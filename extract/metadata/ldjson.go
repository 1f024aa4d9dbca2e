package metadata

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// ldKeyRead reports whether Read looks at the values of a JSON-LD key:
// the keys that jsonld.go, and the readers of ldData in the other files,
// index node objects with (TestLDKeysRead checks the list against the
// source).
func ldKeyRead(key string) bool {
	switch key {
	case "@id", "@type", "@graph", "@value", "mainEntity", "mainEntityOfPage",
		"headline", "name", "description", "keywords", "inLanguage",
		"url", "image", "contentUrl", "publisher", "isAccessibleForFree",
		"author", "creator", "givenName", "familyName",
		"datePublished", "dateCreated", "dateModified":
		return true
	}
	return false
}

// unread stands for a value that no one reads, in the objects that
// decodeAll builds.
type unreadValue struct{}

var unread any = unreadValue{}

// decodeAll decodes one or more concatenated JSON values, as a
// json.Decoder gives them: it returns what decoded before an error, or
// nil when nothing did. The values are those json.Unmarshal gives an
// any (map[string]any, []any, string, float64, bool, nil), but for the
// values of the keys that Read never looks at (an articleBody, a logo,
// breadcrumbs: most of a block), which are checked but not built: their
// keys are kept, as flatten and resolve count an object's keys, with
// the value unread. Those strings, maps and slices would be most of the
// allocations of the metadata.
func decodeAll(s string) []any {
	d := ldDecoder{s: s}
	var out []any
	for {
		d.skipSpace()
		if d.i == len(s) {
			return out
		}
		v, ok := d.value(true)
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// An ldDecoder reads the JSON text s from byte i. Its methods read one
// token or value, building it when asked to, and report false on a
// syntax error (or a number out of range, which json.Unmarshal refuses
// too).
type ldDecoder struct {
	s     string
	i     int
	depth int
}

// maxLDDepth is the nesting of arrays and objects that encoding/json
// accepts.
const maxLDDepth = 10000

func (d *ldDecoder) skipSpace() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next is the byte at i after white space, 0 at the end.
func (d *ldDecoder) next() byte {
	d.skipSpace()
	if d.i < len(d.s) {
		return d.s[d.i]
	}
	return 0
}

// value reads a value, built when build holds (else nil).
func (d *ldDecoder) value(build bool) (any, bool) {
	switch c := d.next(); {
	case c == '{':
		return d.object(build)
	case c == '[':
		return d.array(build)
	case c == '"':
		s, ok := d.str(build)
		if !ok || !build {
			return nil, ok
		}
		return s, true
	case c == '-' || '0' <= c && c <= '9':
		f, ok := d.number()
		if !ok || !build {
			return nil, ok
		}
		return f, true
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	}
	return nil, false
}

func (d *ldDecoder) object(build bool) (any, bool) {
	if d.depth++; d.depth > maxLDDepth {
		return nil, false
	}
	d.i++ // '{'
	var m ldObject
	if build {
		m = ldObject{}
	}
	if d.next() == '}' {
		d.i++
		d.depth--
		return m, true
	}
	for {
		if d.next() != '"' {
			return nil, false
		}
		key, ok := d.str(build)
		if !ok || d.next() != ':' {
			return nil, false
		}
		d.i++
		read := build && ldKeyRead(key)
		v, ok := d.value(read)
		if !ok {
			return nil, false
		}
		if build {
			if !read {
				v = unread
			}
			m[key] = v
		}
		switch d.next() {
		case ',':
			d.i++
		case '}':
			d.i++
			d.depth--
			return m, true
		default:
			return nil, false
		}
	}
}

func (d *ldDecoder) array(build bool) (any, bool) {
	if d.depth++; d.depth > maxLDDepth {
		return nil, false
	}
	d.i++ // '['
	var a []any
	if build {
		a = []any{} // an empty array is an empty slice, not nil
	}
	if d.next() == ']' {
		d.i++
		d.depth--
		return a, true
	}
	for {
		v, ok := d.value(build)
		if !ok {
			return nil, false
		}
		if build {
			a = append(a, v)
		}
		switch d.next() {
		case ',':
			d.i++
		case ']':
			d.i++
			d.depth--
			return a, true
		default:
			return nil, false
		}
	}
}

// str reads a string literal; built, its value is the text between the
// quotes when it has no escape and is valid UTF-8 (most are), else what
// encoding/json unquotes.
func (d *ldDecoder) str(build bool) (string, bool) {
	s := d.s
	start := d.i + 1
	plain := true
	for i := start; i < len(s); {
		switch c := s[i]; {
		case c == '"':
			d.i = i + 1
			switch {
			case !build:
				return "", true
			case plain:
				return s[start:i], true
			}
			return unquote(s[start:i]), true
		case c == '\\':
			plain = false
			if i+1 == len(s) {
				return "", false
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) || hex4(s[i+2:i+6]) < 0 {
					return "", false
				}
				i += 6
			default:
				return "", false
			}
		case c < ' ':
			return "", false
		case c < utf8.RuneSelf || !build:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				plain = false // to be coerced to valid UTF-8
			}
			i += size
		}
	}
	return "", false
}

// number reads a number as JSON writes it, converted as encoding/json
// converts it.
func (d *ldDecoder) number() (float64, bool) {
	s, i := d.s, d.i
	digits := func() bool {
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i > j
	}
	if s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if !digits() {
		return 0, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return 0, false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s[d.i:i], 64)
	d.i = i
	return f, err == nil
}

func (d *ldDecoder) literal(word string) bool {
	if !strings.HasPrefix(d.s[d.i:], word) {
		return false
	}
	d.i += len(word)
	return true
}

// hex4 is the value of four hexadecimal digits, or -1.
func hex4(s string) rune {
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote is the value of the text of a valid string literal, as
// encoding/json gives it: escapes decoded, a surrogate not in a pair and
// invalid UTF-8 turned into U+FFFD.
func unquote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\':
			switch e := s[i+1]; e {
			case 'u':
				r := hex4(s[i+2 : i+6])
				i += 6
				if utf16.IsSurrogate(r) {
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if pair := utf16.DecodeRune(r, hex4(s[i+2:i+6])); pair != unicode.ReplacementChar {
							b.WriteRune(pair)
							i += 6
							continue
						}
					}
					r = unicode.ReplacementChar
				}
				b.WriteRune(r)
				continue
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default: // '"', '\\', '/'
				c = e
			}
			b.WriteByte(c)
			i += 2
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += size
		}
	}
	return b.String()
}

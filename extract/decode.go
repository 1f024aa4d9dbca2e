package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// prescanLimit bounds how far into a page Decode looks for a <meta>
// charset declaration. The HTML standard's prescan stops at 1024 bytes, but
// its parser still honours a later <meta> by restarting, which is what
// browsers show; pages with long heads of scripts rely on it.
const prescanLimit = 64 << 10

// Decode converts a page's bytes to UTF-8 and names the encoding it used.
// contentType is the HTTP Content-Type header, or "" when there is none.
// The bytes are decoded exactly once; detection only looks at them.
//
// The order is the HTML standard's (byte-order mark, Content-Type charset,
// <meta> declaration), with the changes that real pages need:
//
//   - Bytes that are valid UTF-8 and contain non-ASCII text are UTF-8,
//     whatever the page declares or fails to declare. Legacy single- and
//     multi-byte text almost never forms valid UTF-8, while pages that
//     declare nothing (or the wrong thing) and are UTF-8 are common; the
//     standard's windows-1252 fallback garbles every non-ASCII character
//     of those.
//   - A declaration is checked against the bytes (see detect.go): when the
//     text is implausible in the declared encoding (Cyrillic words read as
//     Latin-1, KOI8-R read as windows-1251, legacy bytes declared UTF-8)
//     and clearly plausible in another, the other wins.
//   - Without a usable declaration the encoding is detected among UTF-8,
//     windows-1252, windows-1251, KOI8-R, Shift_JIS, EUC-JP, GB18030, Big5
//     and EUC-KR, with windows-1252 as the last resort.
func Decode(data []byte, contentType string) (text []byte, encodingName string) {
	if enc, name := bomEncoding(data); enc != nil {
		return decodeWith(enc, data), name
	}
	if enc, name := utf16NoBOM(data); enc != nil {
		return decodeWith(enc, data), name
	}
	ascii := asciiPrefix(data)
	if ascii == len(data) {
		// Pure 7-bit text is the same in every ASCII-compatible encoding;
		// only ISO-2022-JP (escape sequences) needs decoding.
		if bytes.Contains(data, []byte("\x1b$")) {
			return decodeWith(japanese.ISO2022JP, data), "iso-2022-jp"
		}
		return data, "utf-8"
	}
	if utf8.Valid(data[ascii:]) {
		return data, "utf-8"
	}

	// Not UTF-8: gather the declarations, header first, and weigh them
	// against what the bytes look like.
	var declared []string
	if name := contentTypeCharset(contentType); name != "" {
		declared = append(declared, name)
	}
	if name := metaCharset(data); name != "" && (len(declared) == 0 || declared[0] != name) {
		declared = append(declared, name)
	}
	name := chooseEncoding(data, declared)
	if name == "utf-8" {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8"
	}
	enc, name := charset.Lookup(name)
	if enc == nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8"
	}
	return decodeWith(enc, data), name
}

// usableEncoding returns the canonical name of label when it names an
// encoding a page can be decoded with: known, not the "replacement"
// encoding (which turns the whole page into one U+FFFD), not UTF-16 without
// a byte-order mark (the standard treats such declarations as UTF-8).
func usableEncoding(label string) string {
	enc, name := charset.Lookup(label)
	switch {
	case enc == nil, name == "replacement", name == "x-user-defined":
		return ""
	case strings.HasPrefix(name, "utf-16"):
		return "utf-8"
	}
	return name
}

func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return usableEncoding(params["charset"])
}

// metaCharset finds the first <meta charset> or <meta http-equiv=
// "Content-Type" content="...; charset=..."> in the page's head.
func metaCharset(data []byte) string {
	if len(data) > prescanLimit {
		data = data[:prescanLimit]
	}
	if !hasMetaTag(data) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if tag, _ := z.TagName(); string(tag) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) == "body" {
				return ""
			}
			if string(tag) != "meta" {
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					if cs == "" {
						cs = string(val)
					}
				case "http-equiv":
					pragma = strings.EqualFold(string(val), "content-type")
				case "content":
					content = string(val)
				}
			}
			if cs != "" {
				if name := usableEncoding(cs); name != "" {
					return name
				}
				continue
			}
			if pragma && content != "" {
				if name := usableEncoding(charsetFromContent(content)); name != "" {
					return name
				}
			}
		}
	}
}

// charsetFromContent reads the charset parameter of a <meta content>
// value, by the standard's lenient rules ("text/html; charset=koi8-r").
func charsetFromContent(s string) string {
	for {
		i := indexFold(s, "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			s = s[1:]
			end := strings.IndexByte(s, q)
			if end < 0 {
				return ""
			}
			return s[:end]
		}
		if end := strings.IndexAny(s, "; \t\n\f\r"); end >= 0 {
			return s[:end]
		}
		return s
	}
}

func bomEncoding(data []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

// utf16NoBOM recognises UTF-16 text without a byte-order mark by its
// pattern of NUL bytes: ASCII characters (markup, spaces, digits) have a
// zero high byte, so many bytes at one parity are NUL and none at the other.
func utf16NoBOM(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), 512)&^1]
	if len(head) < 8 || bytes.IndexByte(head, 0) < 0 {
		return nil, ""
	}
	// NUL high bytes, and among them those whose low byte is a control
	// character (text has none but tabs and line ends), by parity.
	var even, odd, evenCtl, oddCtl int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
			if isControl(head[i+1]) {
				evenCtl++
			}
		}
		if head[i+1] == 0 {
			odd++
			if isControl(head[i]) {
				oddCtl++
			}
		}
	}
	pairs := len(head) / 2
	switch {
	case even*10 >= pairs && odd*50 < pairs && evenCtl*50 < even:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	case odd*10 >= pairs && even*50 < pairs && oddCtl*50 < odd:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	}
	return nil, ""
}

func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
}

func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// asciiPrefix returns the length of data's leading run of 7-bit bytes,
// eight bytes at a time.
func asciiPrefix(data []byte) int {
	i := 0
	for ; i+8 <= len(data); i += 8 {
		v := uint64(data[i]) | uint64(data[i+1])<<8 | uint64(data[i+2])<<16 | uint64(data[i+3])<<24 |
			uint64(data[i+4])<<32 | uint64(data[i+5])<<40 | uint64(data[i+6])<<48 | uint64(data[i+7])<<56
		if v&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(data); i++ {
		if data[i] >= 0x80 {
			return i
		}
	}
	return i
}

// hasMetaTag reports whether data contains "<meta", in any ASCII case.
func hasMetaTag(data []byte) bool {
	for {
		i := bytes.IndexByte(data, '<')
		if i < 0 || i+5 > len(data) {
			return false
		}
		if (data[i+1]|0x20) == 'm' && (data[i+2]|0x20) == 'e' && (data[i+3]|0x20) == 't' && (data[i+4]|0x20) == 'a' {
			return true
		}
		data = data[i+1:]
	}
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

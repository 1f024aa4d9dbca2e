package extract

import (
	"bytes"
	"encoding/json"
	"mime"
	"strings"
)

type inputKind int

const (
	kindHTML inputKind = iota
	kindText
	kindBinary
	// kindData is structured data (JSON): text, but never an article.
	kindData
)

func (k inputKind) String() string {
	switch k {
	case kindHTML:
		return "html"
	case kindText:
		return "text"
	case kindData:
		return "data"
	}
	return "binary"
}

// sniff tells HTML from plain text from binary data. Binary content (by
// its signature or its control bytes) is binary whatever the Content-Type
// says, since servers mislabel; then a Content-Type that names a non-text
// type, or a text type that is not prose (CSS, JavaScript, CSV...), is
// binary too; then the bytes decide between HTML and text.
func sniff(data []byte, contentType string) inputKind {
	if looksBinary(data) {
		return kindBinary
	}
	if contentType != "" {
		if mt, _, err := mime.ParseMediaType(contentType); err == nil {
			switch {
			case mt == "text/html" || mt == "application/xhtml+xml":
				return kindHTML
			case mt == "text/plain", mt == "application/octet-stream", mt == "application/xml",
				mt == "text/xml", strings.HasSuffix(mt, "+xml"):
				// Mislabelled HTML is common under these: look.
			case strings.HasPrefix(mt, "text/") && !nonProseText[mt]:
			default:
				return kindBinary
			}
		}
	}
	if looksHTML(data) {
		return kindHTML
	}
	if looksJSON(data) {
		return kindData
	}
	return kindText
}

// looksJSON reports a JSON object or array: an API response or a data
// file given where a page was expected.
func looksJSON(data []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))
	if len(t) < 2 || !(t[0] == '{' && t[len(t)-1] == '}' || t[0] == '[' && t[len(t)-1] == ']') {
		return false
	}
	return json.Valid(t)
}

// nonProseText lists text types that are never an article.
var nonProseText = map[string]bool{
	"text/css": true, "text/javascript": true, "text/ecmascript": true, "text/csv": true,
	"text/tab-separated-values": true, "text/calendar": true, "text/vcard": true, "text/x-vcard": true,
	"text/vtt": true, "text/x-python": true, "text/x-c": true, "text/x-java-source": true,
}

// sniffLimit bounds how much of the input sniffing reads.
const sniffLimit = 4096

// looksHTML reports markup in the first bytes: the input starts with a
// tag, comment or doctype, or one of the tags every page has (html, head,
// body, meta, title...) appears, or several of the tags text is made of.
func looksHTML(data []byte) bool {
	head := data[:min(len(data), sniffLimit)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		head = bytes.ReplaceAll(head[2:], []byte{0}, nil) // UTF-16: keep the ASCII
	} else if enc, _ := utf16NoBOM(head); enc != nil {
		head = bytes.ReplaceAll(head, []byte{0}, nil)
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\f")
	if len(trimmed) > 1 && trimmed[0] == '<' && (isASCIILetter(trimmed[1]) || trimmed[1] == '!' || trimmed[1] == '?') {
		return true
	}
	weak := 0
	for rest := head; ; {
		i := bytes.IndexByte(rest, '<')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
		if len(rest) > 0 && rest[0] == '/' {
			rest = rest[1:]
		}
		name := rest
		for j, c := range rest {
			if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '!' {
				name = rest[:j]
				if c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' {
					name = nil // "<3", "<b.c", "a<b": not a tag
				}
				break
			}
		}
		if len(name) == 0 || len(name) > 10 {
			continue
		}
		var buf [10]byte
		lower := buf[:len(name)]
		for j, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[j] = c
		}
		switch string(lower) {
		case "!doctype", "html", "head", "body", "meta", "title", "script", "style", "link", "article", "main", "div":
			return true
		case "p", "a", "br", "span", "b", "i", "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6",
			"ul", "ol", "li", "img", "table", "tr", "td", "section", "header", "footer", "nav", "blockquote", "figure":
			weak++
			if weak >= 3 {
				return true
			}
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// Signatures of binary formats that are never a page.
var binarySignatures = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG\r\n\x1a\n"), []byte("GIF87a"), []byte("GIF89a"), []byte("\xff\xd8\xff"),
	[]byte("PK\x03\x04"), []byte("PK\x05\x06"), []byte("\x1f\x8b"), []byte("BZh91AY&SY"), []byte("\xfd7zXZ\x00"),
	[]byte("7z\xbc\xaf\x27\x1c"), []byte("Rar!\x1a\x07"), []byte("\x28\xb5\x2f\xfd"), []byte("\x7fELF"),
	[]byte("\xca\xfe\xba\xbe"), []byte("\x00asm"), []byte("OggS\x00"), []byte("ID3\x02"), []byte("ID3\x03"), []byte("ID3\x04"), []byte("\x1a\x45\xdf\xa3"),
	[]byte("wOFF"), []byte("wOF2"), []byte("OTTO\x00"), []byte("\x00\x01\x00\x00\x00"), []byte("\x00\x00\x01\x00"),
	[]byte("II*\x00"), []byte("MM\x00*"), []byte("SQLite format 3\x00"), []byte("%!PS-Adobe"),
	[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), // MS Office (OLE2)
	[]byte("{\\rtf1"),
}

// looksBinary reports a known binary signature (also RIFF containers,
// ISO media "ftyp" and WebP), or control bytes that text never has in the
// first 1 KiB. UTF-16 text (with or without a byte-order mark) is not
// binary despite its NUL bytes.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 1024)]
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	if len(head) >= 12 && (string(head[:4]) == "RIFF" || string(head[4:8]) == "ftyp") {
		return true
	}
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return false
	}
	if enc, _ := utf16NoBOM(head); enc != nil {
		return false
	}
	bad := 0
	for _, c := range head {
		// Text may hold tabs, newlines, form feeds, ESC (ISO-2022) and
		// the odd stray control byte; binary data is full of them.
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			bad++
		}
	}
	return bad > len(head)/50+1
}

package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Decode converts a page's bytes to UTF-8 and names the encoding it used.
// contentType is the HTTP Content-Type header, or "" when there is none.
//
// The order is the HTML standard's (byte-order mark, Content-Type charset,
// <meta> prescan) with one change that matters in practice: bytes that are
// valid UTF-8 and contain non-ASCII text are UTF-8, whatever the page
// declares or fails to declare. Legacy single- and multi-byte text almost
// never forms valid UTF-8, while pages that declare nothing (or the wrong
// thing) and are UTF-8 are common; the standard's windows-1252 fallback
// garbles every non-ASCII character of those.
func Decode(data []byte, contentType string) (text []byte, encodingName string) {
	if enc, name := bomEncoding(data); enc != nil {
		return decodeWith(enc, data), name
	}
	if hasHighBit(data) && utf8.Valid(data) {
		return data, "utf-8"
	}
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" && !utf8.Valid(data) {
		// Declared UTF-8 but not valid: keep the valid parts and let the
		// decoder replace the invalid bytes with U+FFFD.
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), name
	}
	if enc == encoding.Nop || name == "utf-8" {
		return data, "utf-8"
	}
	return decodeWith(enc, data), name
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

func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

func hasHighBit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

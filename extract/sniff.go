package extract

import (
	"bytes"
	"mime"
	"strings"
)

type inputKind int

const (
	kindHTML inputKind = iota
	kindText
	kindBinary
)

// sniff tells HTML from plain text from binary data. A Content-Type that
// names a non-text type wins; otherwise the first bytes decide.
func sniff(data []byte, contentType string) inputKind {
	if contentType != "" {
		if mt, _, err := mime.ParseMediaType(contentType); err == nil {
			switch {
			case mt == "text/html" || mt == "application/xhtml+xml":
				return kindHTML
			case mt == "text/plain":
				if looksHTML(data) {
					return kindHTML
				}
				return kindText
			case !strings.HasPrefix(mt, "text/") && !strings.HasSuffix(mt, "+xml") && mt != "application/xml" && mt != "application/octet-stream":
				return kindBinary
			}
		}
	}
	if looksBinary(data) {
		return kindBinary
	}
	if looksHTML(data) {
		return kindHTML
	}
	return kindText
}

func looksHTML(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<script", "<link"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

// looksBinary reports control bytes that text never has, in the first 1 KiB,
// or a known binary signature.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	for _, sig := range [][]byte{[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xff\xd8\xff"), []byte("PK\x03\x04"), []byte("RIFF")} {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	// UTF-16 with a BOM is text.
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return false
	}
	bad := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			bad++
		}
	}
	return bad > len(head)/50+1
}

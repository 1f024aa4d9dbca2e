package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestSniff(t *testing.T) {
	random := make([]byte, 2048)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><body><p>hello</p></body></html>"))
	zw.Close()
	utf16 := func(s string, bom bool) []byte {
		policy := unicode.IgnoreBOM
		if bom {
			policy = unicode.UseBOM
		}
		b, _ := unicode.UTF16(unicode.LittleEndian, policy).NewEncoder().Bytes([]byte(s))
		return b
	}
	prose := "Russia said Monday that the Syrian opposition should seek dialogue.\n\nThe minister told reporters that talks would continue next week."

	for _, c := range []struct {
		name string
		data []byte
		ct   string
		want inputKind
	}{
		{"doctype", []byte("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"), "", kindHTML},
		{"upper-case tags", []byte("<HTML><BODY><P>Hello</P></BODY></HTML>"), "", kindHTML},
		{"leading whitespace and bom", []byte("\xef\xbb\xbf\n\n  <html><body>hi</body></html>"), "", kindHTML},
		{"xml prolog (xhtml)", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), "", kindHTML},
		{"comment first", []byte("<!-- saved from url=(0042) --><div>text</div>"), "", kindHTML},
		{"json object", []byte(`{"title": "Not a page", "body": "Russia said Monday that the Syrian opposition should seek dialogue."}`), "", kindData},
		{"json array", []byte("[1, 2, 3]\n"), "application/octet-stream", kindData},
		{"braces in prose", []byte("{Note} Russia said Monday that talks would go on. {end}"), "", kindText},
		{"fragment", []byte("<p>One paragraph.</p><p>Another.</p>"), "", kindHTML},
		{"tags after a preamble", []byte("Saved page\n\n<title>News</title><p>text</p>"), "", kindHTML},
		{"three weak tags", []byte("Intro text <b>bold</b> and <i>it</i> and <a href=x>link</a>"), "", kindHTML},
		{"plain text", []byte(prose), "", kindText},
		{"text with a less-than", []byte("Prices rose 3% <4% expected> and a<b held.\n\n<3 you"), "", kindText},
		{"text with one inline tag name", []byte("Use the <b> element for bold.\n\nThat is all."), "", kindText},
		{"empty", nil, "", kindText},
		{"text/plain holding html", []byte("<html><body><p>x</p></body></html>"), "text/plain; charset=utf-8", kindHTML},
		{"text/plain prose", []byte(prose), "text/plain", kindText},
		{"text/html header wins over sniff", []byte(prose), "text/html; charset=utf-8", kindHTML},
		{"octet-stream html", []byte("<html><body>x</body></html>"), "application/octet-stream", kindHTML},
		{"unknown text type", []byte(prose), "text/x-markdown", kindText},
		{"utf-16le with bom", utf16("<html><body><p>x</p></body></html>", true), "", kindHTML},
		{"utf-16le without bom", utf16("<html><body><p>Привет</p></body></html>", false), "", kindHTML},
		{"utf-16 prose", utf16(prose, true), "", kindText},
		{"html with a few NUL bytes", []byte("<html><body><p>a\x00b</p>\x00</body></html>"), "", kindHTML},
		{"legacy bytes", []byte("<p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p>"), "", kindHTML},

		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "", kindBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", kindBinary},
		{"png labelled text/html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "text/html", kindBinary},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "", kindBinary},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "", kindBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00"), "", kindBinary},
		{"webp", []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), "", kindBinary},
		{"mp4", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"), "", kindBinary},
		{"gzip inside", gz.Bytes(), "", kindBinary},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00"), "", kindBinary},
		{"random bytes", random, "", kindBinary},
		{"NUL-filled", make([]byte, 600), "", kindBinary},
		{"image content type", []byte("not really an image but says so"), "image/png", kindBinary},
		{"json", []byte(`{"title": "x"}`), "application/json", kindBinary},
		{"css", []byte("body { color: red }"), "text/css", kindBinary},
		{"javascript", []byte("var x = '<div>';"), "text/javascript; charset=utf-8", kindBinary},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := sniff(c.data, c.ct); got != c.want {
				t.Errorf("sniff = %v, want %v", got, c.want)
			}
		})
	}
}

// TestExtractRefusesBinary checks the error callers see for binary input.
func TestExtractRefusesBinary(t *testing.T) {
	for name, data := range map[string][]byte{
		"pdf":  []byte("%PDF-1.4\n" + strings.Repeat("\x00\x01binary", 50)),
		"png":  []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
		"junk": bytes.Repeat([]byte{0, 1, 2, 3, 0xff, 0x80}, 300),
	} {
		a, err := Extract(data, nil)
		if !errors.Is(err, ErrNotHTML) || a != nil {
			t.Errorf("%s: Extract = %v, %v; want ErrNotHTML", name, a, err)
		}
	}
}

func BenchmarkSniff(b *testing.B) {
	pages := loadBenchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			sniff(p.data, "")
		}
	}
}

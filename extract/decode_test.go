package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Real news sentences, one language each.
var (
	textRU = "Россия заявила в понедельник, что сирийская оппозиция должна искать диалог с правительством в Дамаске, а не требовать отставки президента. Министр иностранных дел сказал журналистам, что переговоры продолжатся на следующей неделе."
	textUK = "Україна отримала нову партію допомоги від європейських партнерів, повідомили в міністерстві оборони."
	textJA = "東京都は月曜日、新しい感染対策を発表しました。これにより、飲食店の営業時間が短縮されます。"
	textZH = "中国政府星期一宣布了新的经济政策，以促进国内消费和就业。专家表示，这些措施将在今年下半年见效。"
	textTW = "台灣政府星期一宣布了新的經濟政策，以促進國內消費和就業。"
	textKO = "서울시는 월요일 새로운 교통 정책을 발표했습니다. 시민들의 반응은 엇갈렸습니다."
	textDE = "Die Bundesregierung hat am Montag neue Maßnahmen für die Wirtschaft beschlossen, wie der Sprecher in Berlin erklärte."
	textFR = "Le gouvernement a annoncé lundi de nouvelles mesures économiques, a déclaré le porte-parole à la presse à Paris."
	textES = "El gobierno anunció el lunes nuevas medidas económicas, según explicó el portavoz en la rueda de prensa."
	textEN = "“We will not leave,” the minister said on Monday — and the crowd’s reaction was immediate."
)

// Short texts: a headline or one short sentence.
var (
	shortRU = "Президент подписал закон."
	shortUK = "Уряд ухвалив бюджет."
	shortJA = "今日は良い天気です。"
	shortZH = "今天天气很好。"
	shortFR = "Voilà l'été à Paris."
)

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// page lays text out as a small news page, with the given <meta> (or none).
func page(meta string, body []byte) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head>")
	b.WriteString(meta)
	b.WriteString("<title>News</title><link rel=\"stylesheet\" href=\"/s.css\"></head>\n<body><nav><a href=\"/\">Home</a></nav><article><p>")
	b.Write(body)
	b.WriteString("</p></article><footer>(c) 2019</footer></body></html>\n")
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	type tc struct {
		name, text  string
		enc         encoding.Encoding
		contentType string
		meta        string
		want        string // encoding name Decode must report; "": any
	}
	var cases []tc
	langs := []struct {
		lang, text string
		enc        encoding.Encoding
		name       string
	}{
		{"ru", textRU, charmap.Windows1251, "windows-1251"},
		{"ru", textRU, charmap.KOI8R, "koi8-r"},
		{"uk", textUK, charmap.Windows1251, "windows-1251"},
		{"ja", textJA, japanese.ShiftJIS, "shift_jis"},
		{"ja", textJA, japanese.EUCJP, "euc-jp"},
		{"zh", textZH, simplifiedchinese.GB18030, "gb18030"},
		{"zh-tw", textTW, traditionalchinese.Big5, "big5"},
		{"ko", textKO, korean.EUCKR, "euc-kr"},
		{"de", textDE, charmap.ISO8859_1, "windows-1252"},
		{"fr", textFR, charmap.ISO8859_1, "windows-1252"},
		{"es", textES, charmap.Windows1252, "windows-1252"},
		{"en", textEN, charmap.Windows1252, "windows-1252"},
		{"ru-short", shortRU, charmap.Windows1251, "windows-1251"},
		{"ru-short", shortRU, charmap.KOI8R, "koi8-r"},
		{"uk-short", shortUK, charmap.Windows1251, "windows-1251"},
		{"ja-short", shortJA, japanese.ShiftJIS, "shift_jis"},
		{"zh-short", shortZH, simplifiedchinese.GB18030, "gb18030"},
		{"fr-short", shortFR, charmap.ISO8859_1, "windows-1252"},
	}
	for _, l := range langs {
		base := l.lang + "/" + l.name
		cases = append(cases,
			tc{name: base + "/undeclared", text: l.text, enc: l.enc, want: l.name},
			tc{name: base + "/meta", text: l.text, enc: l.enc, meta: `<meta charset="` + l.name + `">`, want: l.name},
			tc{name: base + "/header", text: l.text, enc: l.enc, contentType: "text/html; charset=" + l.name, want: l.name},
			tc{name: base + "/declared-utf-8", text: l.text, enc: l.enc, meta: `<meta charset="utf-8">`, want: l.name},
		)
		if l.name != "windows-1252" {
			cases = append(cases,
				tc{name: base + "/declared-latin-1", text: l.text, enc: l.enc, contentType: "text/html; charset=ISO-8859-1", want: l.name},
				tc{name: base + "/header-latin-1-meta-right", text: l.text, enc: l.enc, contentType: "text/html; charset=iso-8859-1",
					meta: `<meta http-equiv="Content-Type" content="text/html; charset=` + l.name + `">`, want: l.name})
		} else {
			// English text whose only non-ASCII characters are quotes and
			// dashes reads the same in windows-1251: any name will do.
			want := l.name
			if l.lang == "en" {
				want = ""
			}
			cases = append(cases,
				tc{name: base + "/declared-windows-1251", text: l.text, enc: l.enc, meta: `<meta charset="windows-1251">`, want: want})
		}
	}
	cases = append(cases,
		tc{name: "ru/koi8-r declared windows-1251", text: textRU, enc: charmap.KOI8R, meta: `<meta charset="windows-1251">`, want: "koi8-r"},
		tc{name: "ru/windows-1251 declared koi8-r", text: textRU, enc: charmap.Windows1251, contentType: "text/html;charset=KOI8-R", want: "windows-1251"},
		tc{name: "ja/shift_jis declared gb2312", text: textJA, enc: japanese.ShiftJIS, meta: `<meta charset="gb2312">`, want: "shift_jis"},
		tc{name: "zh/gb18030 declared shift_jis", text: textZH, enc: simplifiedchinese.GB18030, meta: `<meta charset="shift_jis">`, want: "gb18030"},
		tc{name: "ru/utf-8 declared windows-1251", text: textRU, enc: encoding.Nop, meta: `<meta charset="windows-1251">`, want: "utf-8"},
		tc{name: "de/utf-8 declared latin-1", text: textDE, enc: encoding.Nop, contentType: "text/html; charset=iso-8859-1", want: "utf-8"},
		tc{name: "zh/utf-8 undeclared", text: textZH, enc: encoding.Nop, want: "utf-8"},
		tc{name: "ru/iso-8859-5 declared", text: textRU, enc: charmap.ISO8859_5, meta: `<meta charset="iso-8859-5">`, want: "iso-8859-5"},
		tc{name: "el/windows-1253 declared", text: "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα οικονομικά μέτρα.", enc: charmap.Windows1253, meta: `<meta charset="windows-1253">`, want: "windows-1253"},
		tc{name: "pl/iso-8859-2 declared", text: "Rząd ogłosił w poniedziałek nowe środki gospodarcze, powiedział rzecznik.", enc: charmap.ISO8859_2, meta: `<meta charset="iso-8859-2">`, want: "iso-8859-2"},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := page(c.meta, encode(t, c.enc, c.text))
			got, name := Decode(raw, c.contentType)
			if c.want != "" && name != c.want {
				t.Errorf("encoding = %q, want %q", name, c.want)
			}
			if !utf8.Valid(got) {
				t.Fatalf("output is not valid UTF-8")
			}
			if !bytes.Contains(got, []byte(c.text)) {
				t.Errorf("text not decoded right:\n got %q\nwant %q", excerpt(got, "<p>"), c.text)
			}
		})
	}
}

// TestDecodeBareText decodes the sentences alone, as a plain-text input
// gives them: no markup to help and no declaration.
func TestDecodeBareText(t *testing.T) {
	for _, c := range []struct {
		text string
		enc  encoding.Encoding
	}{
		{textRU, charmap.Windows1251}, {textRU, charmap.KOI8R}, {shortRU, charmap.KOI8R}, {shortUK, charmap.Windows1251},
		{textJA, japanese.ShiftJIS}, {textJA, japanese.EUCJP}, {shortJA, japanese.ShiftJIS},
		{textZH, simplifiedchinese.GB18030}, {shortZH, simplifiedchinese.GB18030}, {textTW, traditionalchinese.Big5},
		{textKO, korean.EUCKR}, {textFR, charmap.ISO8859_1}, {shortFR, charmap.ISO8859_1}, {textEN, charmap.Windows1252},
	} {
		// Whole, and cut to a headline's length.
		for _, n := range []int{8, 15, 30, 1 << 20} {
			text := c.text
			if r := []rune(text); len(r) > n {
				text = string(r[:n])
			}
			got, name := Decode(encode(t, c.enc, text), "")
			if string(got) != text {
				t.Errorf("%s text of %d characters decoded as %s: %q", c.enc, n, name, got)
			}
		}
	}
}

func TestDecodeUnicode(t *testing.T) {
	html := "<html><body><p>" + textRU + "</p></body></html>"
	for _, c := range []struct {
		name string
		raw  []byte
		ct   string
		want string
	}{
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, html...), "", "utf-8"},
		{"utf-8 bom beats header", append([]byte{0xEF, 0xBB, 0xBF}, html...), "text/html; charset=windows-1251", "utf-8"},
		{"utf-16le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), html), "", "utf-16le"},
		{"utf-16be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), html), "", "utf-16be"},
		{"utf-16le no bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), html), "", "utf-16le"},
		{"utf-16be no bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), html), "", "utf-16be"},
		{"iso-2022-jp", page(`<meta charset="iso-2022-jp">`, encode(t, japanese.ISO2022JP, textJA)), "", "iso-2022-jp"},
		{"iso-2022-jp undeclared", page("", encode(t, japanese.ISO2022JP, textJA)), "", "iso-2022-jp"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, name := Decode(c.raw, c.ct)
			if name != c.want {
				t.Errorf("encoding = %q, want %q", name, c.want)
			}
			want := textRU
			if strings.HasPrefix(c.name, "iso-2022") {
				want = textJA
			}
			if !bytes.Contains(got, []byte(want)) || bytes.HasPrefix(got, []byte{0xEF, 0xBB, 0xBF}) {
				t.Errorf("text not decoded right: %q", excerpt(got, "<p>"))
			}
		})
	}
}

func TestDecodeEdgeCases(t *testing.T) {
	ascii := []byte("<html><head><meta charset=windows-1251></head><body><p>plain</p></body></html>")
	if got, _ := Decode(ascii, ""); &got[0] != &ascii[0] {
		t.Errorf("pure ASCII input was copied")
	}
	utf := []byte("<p>" + textRU + "</p>")
	if got, name := Decode(utf, "text/html; charset=koi8-r"); name != "utf-8" || &got[0] != &utf[0] {
		t.Errorf("valid UTF-8 with non-ASCII: got %s, copied=%v", name, &got[0] != &utf[0])
	}
	// Mostly UTF-8 with one stray Latin-1 byte stays UTF-8, the stray byte
	// replaced.
	stray := []byte("<p>" + textRU + " caf\xe9 " + textRU + "</p>")
	got, name := Decode(stray, "")
	if name != "utf-8" || !bytes.Contains(got, []byte(textRU+" caf\uFFFD ")) {
		t.Errorf("stray byte: %s %q", name, excerpt(got, "<p>"))
	}
	// A <meta> after the first 1024 bytes still counts.
	late := page(strings.Repeat("<script>var x = 1;</script>\n", 60)+`<meta charset="koi8-r">`, encode(t, charmap.KOI8R, shortRU))
	if _, name := Decode(late, ""); name != "koi8-r" {
		t.Errorf("late meta: %s", name)
	}
	// Declarations that cannot be honoured are ignored.
	for _, meta := range []string{`<meta charset="utf-16">`, `<meta charset="iso-2022-kr">`, `<meta charset="no-such-thing">`, `<meta charset="x-user-defined">`} {
		raw := page(meta, encode(t, charmap.Windows1251, textRU))
		if got, name := Decode(raw, ""); name != "windows-1251" || !bytes.Contains(got, []byte(textRU)) {
			t.Errorf("%s: %s", meta, name)
		}
	}
	// Nothing to go on: binary-looking bytes fall back to windows-1252 and
	// always give valid UTF-8.
	junk := []byte{0x80, 0x81, 0xff, 0xfe, 0x00, 0x90, 'a', 0x9d, 0x8d}
	if got, _ := Decode(junk, ""); !utf8.Valid(got) {
		t.Errorf("junk gave invalid UTF-8")
	}
	if got, name := Decode(nil, ""); len(got) != 0 || name != "utf-8" {
		t.Errorf("empty input: %q %s", got, name)
	}
}

func TestCharsetFromContent(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=koi8-r":      "koi8-r",
		"text/html;charset='Shift_JIS'":  "Shift_JIS",
		`text/html; CHARSET = "gb2312";`: "gb2312",
		"text/html":                      "",
		"text/html; charset=":            "",
		"charset; charset=big5":          "big5",
		`charset="unterminated`:          "",
	} {
		if got := charsetFromContent(in); got != want {
			t.Errorf("charsetFromContent(%q) = %q, want %q", in, got, want)
		}
	}
}

func excerpt(b []byte, after string) string {
	if i := bytes.Index(b, []byte(after)); i >= 0 {
		b = b[i+len(after):]
	}
	if len(b) > 300 {
		b = b[:300]
	}
	return string(b)
}

// BenchmarkDecodeLegacy measures detection and decoding of pages that are
// not UTF-8 (the common case, valid UTF-8, costs one validation pass):
// declared right (one scoring pass), declared wrong and undeclared (every
// candidate scored).
func BenchmarkDecodeLegacy(b *testing.B) {
	body := encode(b, charmap.KOI8R, strings.Repeat(textRU+" ", 40))
	for _, c := range []struct{ name, meta string }{
		{"declared", `<meta charset="koi8-r">`},
		{"declared-wrong", `<meta charset="iso-8859-1">`},
		{"undeclared", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			raw := page(c.meta, body)
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				Decode(raw, "")
			}
		})
	}
}

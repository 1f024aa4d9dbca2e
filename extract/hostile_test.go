package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Hostile input: every case must return (an article or a clear error)
// without panicking, in bounded time and memory. Time is not asserted as a
// speed: a case only fails when it has not returned after hostileDeadline,
// which catches hangs and quadratic blow-ups (100,000 nested elements
// handled in O(n²) take hours). Memory is bounded the same way: the bytes
// a case allocates must stay under a generous multiple of its input.

const hostileDeadline = 2 * time.Minute

// hostileRun runs Extract on data in a goroutine and returns what it gave,
// failing the test on a panic, on a hang, or on runaway allocation.
func hostileRun(t *testing.T, data []byte, opts *Options) (*Article, error) {
	t.Helper()
	type result struct {
		a     *Article
		err   error
		panic any
		stack string
		alloc uint64
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.panic = p
				buf := make([]byte, 16<<10)
				r.stack = string(buf[:runtime.Stack(buf, false)])
			}
			done <- r
		}()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r.a, r.err = Extract(data, opts)
		runtime.ReadMemStats(&after)
		r.alloc = after.TotalAlloc - before.TotalAlloc
	}()
	select {
	case r := <-done:
		if r.panic != nil {
			t.Fatalf("Extract panicked: %v\n%s", r.panic, r.stack)
		}
		// 256 bytes allocated per input byte, plus 64 MiB: real pages
		// need about 30x (tree, text, per-element statistics), markup- or
		// token-dense input more ("<p><font>" repeated: one element per 4
		// bytes, ~110x; ". " repeated: one quote-finder token per 2 bytes,
		// ~190x). Quadratic work on a 1 MB input is thousands of times.
		if limit := uint64(len(data))*256 + 64<<20; r.alloc > limit {
			t.Errorf("Extract allocated %d MiB for %d KiB of input (limit %d MiB)", r.alloc>>20, len(data)>>10, limit>>20)
		}
		t.Logf("%d KiB in: allocated %d MiB; err=%v", len(data)>>10, r.alloc>>20, r.err)
		if r.a != nil {
			checkArticleText(t, r.a)
		}
		return r.a, r.err
	case <-time.After(hostileDeadline):
		buf := make([]byte, 1<<20)
		t.Fatalf("Extract did not return within %v (hang or super-linear work); goroutines:\n%s", hostileDeadline, buf[:runtime.Stack(buf, true)])
	}
	return nil, nil
}

// checkArticleText: whatever went in, the text that comes out is valid
// UTF-8 without NUL bytes.
func checkArticleText(t *testing.T, a *Article) {
	t.Helper()
	fields := map[string]string{"title": a.Title, "body": a.Body, "site_name": a.SiteName, "description": a.Description}
	for _, q := range a.Quotes {
		fields["quote"] = q.Text
	}
	for name, s := range fields {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8: %q", name, clip(s))
		}
		if strings.IndexByte(s, 0) >= 0 {
			t.Errorf("%s holds a NUL byte: %q", name, clip(s))
		}
	}
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// newsParagraphs is ordinary article text for the hostile pages to carry.
var newsParagraphs = []string{
	"Russia said Monday that the Syrian opposition should seek dialogue with the government in Damascus rather than demand the president's resignation, the foreign ministry said in a statement.",
	"The minister told reporters in Moscow that talks between the two sides would continue next week in Geneva, and that he expected the meeting to produce a timetable for elections.",
	"\"We have always said that there is no military solution to this conflict,\" the minister said, adding that the international community should support the negotiations.",
	"Western diplomats said they were sceptical that the talks would lead anywhere, but that they would not stand in the way of any agreement the Syrians themselves could reach.",
}

func articleHTML(paras ...string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(p)
		b.WriteString("</p>\n")
	}
	return b.String()
}

func TestHostileDeepNesting(t *testing.T) {
	const depth = 100_000
	article := articleHTML(newsParagraphs...)
	nest := func(open, close string) []byte {
		var b bytes.Buffer
		b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
		b.WriteString(strings.Repeat(open, depth))
		b.WriteString("<article>" + article + "</article>")
		b.WriteString(strings.Repeat(close, depth))
		b.WriteString("</body></html>")
		return b.Bytes()
	}
	cases := map[string][]byte{
		"div":            nest("<div>", "</div>"),
		"div unclosed":   nest("<div>", ""),
		"div with class": nest(`<div class="content">`, "</div>"),
		"span":           nest("<span>", "</span>"),
		"b with ids": func() []byte {
			var b bytes.Buffer
			b.WriteString("<html><body>")
			for i := range depth {
				fmt.Fprintf(&b, "<b id=b%d>", i)
			}
			b.WriteString(article)
			return b.Bytes()
		}(),
		"table":      nest("<table><tr><td>", "</td></tr></table>"),
		"list":       nest("<ul><li>", "</li></ul>"),
		"blockquote": nest("<blockquote>", "</blockquote>"),
		"svg":        nest("<svg><g>", "</g></svg>"),
		"p and font": nest("<p><font size=2>", ""),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := hostileRun(t, data, nil)
			if err != nil && !errors.Is(err, ErrNoContent) {
				t.Errorf("error %v, want an article (the parser's nesting limit must not refuse the page)", err)
			}
			if a != nil && !strings.Contains(a.Body, "Western diplomats said") {
				t.Logf("body does not hold the article (%d chars): %q", len(a.Body), clip(a.Body))
			}
		})
	}
}

func TestHostileSize(t *testing.T) {
	big := func(n int) []byte {
		var b bytes.Buffer
		b.WriteString("<html><head><title>Big</title></head><body><article>")
		for i := 0; b.Len() < n; i++ {
			b.WriteString("<p>")
			b.WriteString(newsParagraphs[i%len(newsParagraphs)])
			b.WriteString("</p>\n")
		}
		b.WriteString("</article></body></html>")
		return b.Bytes()
	}
	t.Run("50MB over default limit", func(t *testing.T) {
		_, err := hostileRun(t, big(50<<20), nil)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("error %v, want ErrTooLarge", err)
		}
	})
	t.Run("over a set limit", func(t *testing.T) {
		_, err := hostileRun(t, big(2<<20), &Options{MaxSize: 1 << 20})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "limit") {
			t.Errorf("error %v, want ErrTooLarge naming the limit", err)
		}
	})
	t.Run("gzip bomb", func(t *testing.T) {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		chunk := bytes.Repeat([]byte("<div>"), 1<<16)
		for range (60 << 20) / len(chunk) {
			zw.Write(chunk)
		}
		zw.Close()
		t.Logf("gzip bomb: %d KiB compressed, 60 MiB inflated", z.Len()>>10)
		_, err := hostileRun(t, z.Bytes(), nil)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("error %v, want ErrTooLarge", err)
		}
	})
	t.Run("8MB page processed", func(t *testing.T) {
		a, err := hostileRun(t, big(8<<20), nil)
		if err != nil {
			t.Fatalf("error %v", err)
		}
		if a.WordCount < 100_000 {
			t.Errorf("word count %d: the article was cut", a.WordCount)
		}
	})
}

func TestHostileLongText(t *testing.T) {
	const n = 1_000_000
	words := strings.Repeat("word ", n/5)
	cases := map[string]string{
		"words":             words,
		"one word":          strings.Repeat("x", n),
		"no spaces cjk":     strings.Repeat("中", n/3),
		"quote marks":       strings.Repeat(`"`, n),
		"curly quotes":      strings.Repeat("“a” ", n/8),
		"unclosed quote":    "“" + words,
		"said said":         strings.Repeat(`"Yes," he said. `, n/16),
		"dots":              strings.Repeat(". ", n/2),
		"entities":          strings.Repeat("&amp;&lt;&#x27;&nbsp;", n/20),
		"spaces":            strings.Repeat(" \t\n", n/3),
		"newlines":          strings.Repeat("a\n\n", n/3),
		"capitalised words": strings.Repeat("John Smith Said ", n/16),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			page := "<html><head><title>Long</title></head><body><article>" + articleHTML(newsParagraphs[:2]...) +
				"<p>" + text + "</p>" + articleHTML(newsParagraphs[2:]...) + "</article></body></html>"
			hostileRun(t, []byte(page), nil)
		})
		t.Run(name+"/plain text", func(t *testing.T) {
			hostileRun(t, []byte(strings.Join(newsParagraphs, "\n\n")+"\n\n"+text), nil)
		})
	}
}

func TestHostileBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		return b
	}
	all := make([]byte, 256*4)
	for i := range all {
		all[i] = byte(i)
	}
	article := articleHTML(newsParagraphs...)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(article))
	zw.Close()
	cases := map[string][]byte{
		"invalid utf-8 in text":    []byte("<html><body><article>" + article + "<p>bad \xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\xbc end</p></article></body></html>"),
		"invalid utf-8 in attrs":   []byte("<html><head><title>\xff\xfe</title><meta property=\"og:title\" content=\"\xc3\x28\"></head><body><article>" + article + "</article></body></html>"),
		"surrogates and overlongs": []byte("<html><body><article>" + article + "<p>\xed\xa0\x80\xed\xbf\xbf \xc0\xaf \xe0\x80\xaf \xf4\x90\x80\x80</p></article></body></html>"),
		"NUL bytes":                []byte("<html><body><article>" + strings.ReplaceAll(article, " ", " \x00") + "</article></body></html>"),
		"NUL in tags":              []byte("<ht\x00ml><bo\x00dy><p\x00>" + article + "</p\x00></body></html>"),
		"all byte values":          all,
		"random 1KB":               random(1 << 10),
		"random 1MB":               random(1 << 20),
		"random after a doctype":   append([]byte("<!DOCTYPE html><html><body>"), random(1<<20)...),
		"random in a text":         append([]byte(strings.Join(newsParagraphs, "\n\n")), random(4<<10)...),
		"only markup":              bytes.Repeat([]byte("<div></div><span/><br>"), 50_000),
		"unterminated comment":     []byte("<html><body><!-- " + article),
		"unterminated script":      []byte("<html><body><script>" + article),
		"unterminated attribute":   []byte("<html><body><div class=\"" + article),
		"cdata and pi":             []byte("<html><body><![CDATA[" + article + "]]><?php echo 1; ?></body></html>"),
		"many attributes":          []byte("<html><body><div " + strings.Repeat("a=b ", 100_000) + ">" + article + "</div></body></html>"),
		"repeated html tags":       bytes.Repeat([]byte("<html lang=en class=x><body id=y>"), 20_000),
		"empty":                    {},
		"one byte":                 {'<'},
		"bom only":                 {0xEF, 0xBB, 0xBF},
		"utf-16 bom only":          {0xFF, 0xFE},
		"utf-16 odd length":        {0xFF, 0xFE, '<', 0, 'p', 0, '>'},
		"gzip magic only":          {0x1f, 0x8b},
		"truncated gzip":           z.Bytes()[:z.Len()/2],
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := hostileRun(t, data, nil)
			if err != nil && !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrNotHTML) && !strings.HasPrefix(err.Error(), "gzip") {
				t.Errorf("unexpected kind of error: %v", err)
			}
		})
	}
}

// TestHostileCharsets runs whole pages in legacy encodings, undeclared and
// declared wrong, through Extract: the article must come out readable.
func TestHostileCharsets(t *testing.T) {
	ru := []string{
		"Россия заявила в понедельник, что сирийская оппозиция должна искать диалог с правительством в Дамаске, а не требовать отставки президента.",
		"Министр иностранных дел сказал журналистам в Москве, что переговоры между сторонами продолжатся на следующей неделе в Женеве.",
		"Западные дипломаты заявили, что сомневаются в успехе переговоров, но не будут препятствовать любому соглашению, которого смогут достичь сами сирийцы.",
	}
	ja := []string{
		"東京都は月曜日、新しい感染対策を発表しました。これにより、飲食店の営業時間が短縮されます。",
		"政府は来年度の予算案を閣議決定し、国会に提出する方針を明らかにした。首相は記者団に対し、経済対策を早急にまとめるよう指示したと述べた。",
		"日本銀行は金融政策決定会合で、大規模な金融緩和策の維持を決めた。市場では円安が進み、株価は上昇した。",
	}
	zh := []string{
		"中国政府星期一宣布了新的经济政策，以促进国内消费和就业。专家表示，这些措施将在今年下半年见效。",
		"国家统计局周二公布的数据显示，上个月的消费者价格指数同比上涨了百分之二，低于市场预期。",
		"外交部发言人在例行记者会上回答了有关问题，并表示中方愿与各方加强沟通与合作。",
	}
	fr := []string{
		"Le gouvernement a annoncé lundi de nouvelles mesures économiques, a déclaré le porte-parole à la presse à l'issue du conseil des ministres.",
		"Selon le ministre de l'Économie, ces décisions doivent permettre de soutenir la croissance et l'emploi dans les régions les plus touchées.",
		"Les syndicats ont jugé ces mesures insuffisantes et appelé à une nouvelle journée de mobilisation à la fin du mois prochain.",
	}
	for _, c := range []struct {
		name  string
		paras []string
		enc   encoding.Encoding
		meta  string
		ct    string
	}{
		{"windows-1251 undeclared", ru, charmap.Windows1251, "", ""},
		{"windows-1251 declared latin-1", ru, charmap.Windows1251, `<meta charset="iso-8859-1">`, ""},
		{"koi8-r undeclared", ru, charmap.KOI8R, "", ""},
		{"koi8-r declared windows-1251", ru, charmap.KOI8R, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, ""},
		{"shift_jis undeclared", ja, japanese.ShiftJIS, "", ""},
		{"shift_jis header says utf-8", ja, japanese.ShiftJIS, "", "text/html; charset=utf-8"},
		{"gb18030 undeclared", zh, simplifiedchinese.GB18030, "", ""},
		{"gb2312 declared", zh, simplifiedchinese.GBK, `<meta charset="gb2312">`, ""},
		{"iso-8859-1 undeclared", fr, charmap.ISO8859_1, "", ""},
		{"iso-8859-1 declared utf-8", fr, charmap.ISO8859_1, `<meta charset="utf-8">`, ""},
		{"iso-8859-1 declared", fr, charmap.ISO8859_1, `<meta charset="iso-8859-1">`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			raw := []byte("<!DOCTYPE html><html><head>" + c.meta + "<title>News</title></head><body><header><nav><a href=\"/\">Home</a></nav></header><article>")
			for _, p := range c.paras {
				raw = append(raw, "<p>"...)
				raw = append(raw, encode(t, c.enc, p)...)
				raw = append(raw, "</p>\n"...)
			}
			raw = append(raw, "</article><footer>(c) 2019</footer></body></html>"...)
			a, err := hostileRun(t, raw, &Options{ContentType: c.ct})
			if err != nil {
				t.Fatalf("error %v", err)
			}
			for _, p := range c.paras {
				if !strings.Contains(a.Body, p) {
					t.Errorf("body lacks %q\nbody: %q", p, clip(a.Body))
				}
			}
		})
	}
}

// TestHostileNestedCandidates nests, 480 deep, elements that the metadata
// and body code read the text of (dates, bylines, headings, microdata
// properties...) around one 250 KB text: reading the whole text at every
// level is quadratic (with 1 MB it took 13-74 GB and up to 82 s before
// the reads were bounded).
func TestHostileNestedCandidates(t *testing.T) {
	text := "<p>" + strings.Repeat("word ", 50_000) + "</p>"
	for _, open := range []string{
		`<div class="date">`, `<div class="byline">`, `<span class="author">`, `<time>`,
		`<span itemprop="author">`, `<div itemprop="articleBody">`, `<h2><div>`,
		`<figure><figcaption>`, `<blockquote>`, `<ul><li>`, `<table><tr><td>`, `<aside>`,
		`<section>`, `<b>`, `<q>`, `<div class="comments">`, `<div class="related">`, `<div class="share">`,
	} {
		t.Run(open, func(t *testing.T) {
			hostileRun(t, []byte("<html><body>"+strings.Repeat(open, 480)+text+"</body></html>"), nil)
		})
	}
}

// TestHostileParserShapes feeds tag soups that make the HTML parser's
// tree construction work hard (adoption agency, foster parenting,
// reconstruction of formatting elements, implied end tags).
func TestHostileParserShapes(t *testing.T) {
	for name, body := range map[string]string{
		"a unclosed":         strings.Repeat("<a href=x>link ", 20000),
		"nobr":               strings.Repeat("<nobr>x", 20000),
		"b p":                strings.Repeat("<b><p>x", 20000),
		"b i u mix":          strings.Repeat("<b><i><u><s>x</b>", 12000),
		"table text":         "<table>" + strings.Repeat("text<td>x", 20000),
		"select":             strings.Repeat("<select><option>x", 20000),
		"font color":         strings.Repeat(`<font color="#`+"000"+`">x`, 20000),
		"form":               strings.Repeat("<form><input>", 20000),
		"frameset":           strings.Repeat("<frameset>", 20000),
		"template":           strings.Repeat("<template>", 20000),
		"math mi":            "<math>" + strings.Repeat("<mi>", 20000),
		"ruby":               strings.Repeat("<ruby><rb>x<rt>y", 20000),
		"heading in heading": strings.Repeat("<h1><h2>x", 20000),
		"misnested":          strings.Repeat("<b><i>x</b></i>", 20000),
		"li in li":           strings.Repeat("<li>x", 40000),
		"dd dt":              strings.Repeat("<dl><dt>x<dd>y", 20000),
		"comment":            strings.Repeat("<!-- x -->", 40000),
		"attrs dup":          strings.Repeat(`<div class=a class=b class=c id=x id=y>`, 20000),
	} {
		t.Run(name, func(t *testing.T) {
			hostileRun(t, []byte("<html><body>"+body+"</body></html>"), nil)
		})
	}
}

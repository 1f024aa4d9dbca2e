package metadata

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/internal/fastre"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testNow is the extraction time of the golden cases.
var testNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// goldenURLs gives a case its page URL; the others use defaultURL.
var goldenURLs = map[string]string{
	"url-date-only": "https://news.example.com/2019/07/04/harbour-festival",
}

const defaultURL = "https://news.example.com/story/123"

// TestGolden reads each testdata/*.html with ReadWith and compares the
// result with testdata/*.json. Run with -update to rewrite the goldens.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			raw := defaultURL
			if u, ok := goldenURLs[name]; ok {
				raw = u
			}
			u, _ := url.Parse(raw)
			m := ReadWith(doc, u, Options{Now: testNow})
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".html") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n got: %s\nwant: %s", f, golden, got, want)
			}
		})
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		in         []string
		want, orgs []string
	}{
		{[]string{"By Jane Doe"}, []string{"Jane Doe"}, nil},
		{[]string{"by: Jane Doe and John Smith"}, []string{"Jane Doe", "John Smith"}, nil},
		{[]string{"Jane Doe, John Smith & Ana Lima"}, []string{"Jane Doe", "John Smith", "Ana Lima"}, nil},
		{[]string{"Written by Rob Ewaschuk"}, []string{"Rob Ewaschuk"}, nil},
		{[]string{"By Brenda Goodman, MA WebMD Health News"}, []string{"Brenda Goodman"}, []string{"MA WebMD Health News"}},
		{[]string{"By GILLIAN MOHNEY March 11, 2015 3:46 PM"}, []string{"Gillian Mohney"}, nil},
		{[]string{"By Nathan Willis March 25, 2015"}, []string{"Nathan Willis"}, nil},
		{[]string{"Jane Doe, Staff Writer"}, []string{"Jane Doe"}, []string{"Staff Writer"}},
		{[]string{"By JOHN SEEWER and MARK GILLISPIE Associated Press"}, []string{"John Seewer", "Mark Gillispie"}, nil},
		{[]string{"By ELLIE BROOKS FOR THE DAILY ECHO"}, []string{"Ellie Brooks"}, nil},
		{[]string{"By Jane Doe for MailOnline"}, []string{"Jane Doe"}, nil},
		{[]string{"National Center for Health Statistics"}, nil, []string{"National Center for Health Statistics"}},
		{[]string{"National Society for the Prevention of Cruelty"}, nil, nil},
		{[]string{"By Kim Lee Reuters"}, []string{"Kim Lee"}, nil},
		{[]string{"By PAUL WISEMAN Staff Writer"}, []string{"Paul Wiseman"}, nil},
		{[]string{"JERUSALEM POST STAFF"}, nil, []string{"JERUSALEM POST STAFF"}},
		{[]string{"John Smith, Senior Correspondent"}, []string{"John Smith"}, []string{"Senior Correspondent"}},
		{[]string{"Jane Doe | Reporter"}, []string{"Jane Doe"}, nil},
		{[]string{"Jane Doe Email the author"}, []string{"Jane Doe"}, nil},
		{[]string{"Jane Doe jane.doe@example.com"}, []string{"Jane Doe"}, nil},
		{[]string{"Bradley M. Kuhn (http://ebb.org/bkuhn/)"}, []string{"Bradley M. Kuhn"}, nil},
		{[]string{"Richard (R.J.) Eskow"}, []string{"Richard Eskow"}, nil},
		{[]string{"Par Marie Dupont et Paul Martin"}, []string{"Marie Dupont", "Paul Martin"}, nil},
		{[]string{"Von Max Mustermann und Erika Musterfrau"}, []string{"Max Mustermann", "Erika Musterfrau"}, nil},
		{[]string{"Por Ana García y Luis Pérez"}, []string{"Ana García", "Luis Pérez"}, nil},
		{[]string{"Jane Doe (AP)"}, []string{"Jane Doe"}, nil},
		{[]string{"Jane Doe, Associated Press"}, []string{"Jane Doe"}, []string{"Associated Press"}},
		{[]string{"Reuters"}, nil, []string{"Reuters"}},
		{[]string{"AFP"}, nil, []string{"AFP"}},
		{[]string{"Staff"}, nil, []string{"Staff"}},
		{[]string{"Jane Doe", "jane doe"}, []string{"Jane Doe"}, nil},
		{[]string{"Follow"}, nil, nil},
		{[]string{"人氣(23925)"}, nil, nil},
		{[]string{"肖春芳"}, []string{"肖春芳"}, nil},
		{[]string{"Текст: Лида Буслаева"}, []string{"Лида Буслаева"}, nil},
		{[]string{"Ilana Muhlstein, MS, RDN"}, []string{"Ilana Muhlstein"}, nil},
		{[]string{"Finian Cunningham. Sputnik International"}, []string{"Finian Cunningham"}, []string{"Sputnik International"}},
		{[]string{"The Russian and Syrian defense ministries"}, nil, []string{"The Russian"}},
		{[]string{"admin"}, nil, nil},
		{[]string{"Martin Untersinger (avec Damien Leloup et Morgane Tual)"}, []string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}, nil},
		{[]string{"CNN Editor-at-large"}, nil, []string{"CNN Editor-at-large"}},
		{[]string{"E. Jean Carroll"}, []string{"E. Jean Carroll"}, nil},
		{[]string{"Updated 3 hours ago"}, nil, nil},
		{[]string{"lowercase words only"}, nil, nil},
		{[]string{"Par Jean Dupont le 12 mars 2024 à 14h30"}, []string{"Jean Dupont"}, nil},
		{[]string{"Por Ana García 17 de mayo de 2024"}, []string{"Ana García"}, nil},
		{[]string{"Di Mario Rossi, 12 marzo 2024"}, []string{"Mario Rossi"}, nil},
		{[]string{"Иван Петров 17 мая 2024"}, []string{"Иван Петров"}, nil},
		{[]string{"By Tuan Le, March 5, 2024"}, []string{"Tuan Le"}, nil},
		{[]string{"Analysis by Chris Cillizza, CNN Editor-at-large"}, []string{"Chris Cillizza"}, []string{"CNN Editor-at-large"}},
		{[]string{"Ein Kommentar von Max Mustermann"}, []string{"Max Mustermann"}, nil},
		{[]string{"Opinion by Jane Doe"}, []string{"Jane Doe"}, nil},
	}
	for _, tt := range tests {
		got, orgs := cleanAuthors(tt.in, nil)
		if !equal(got, tt.want) || !equal(orgs, tt.orgs) {
			t.Errorf("cleanAuthors(%q) = %q, orgs %q; want %q, orgs %q", tt.in, got, orgs, tt.want, tt.orgs)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ name, site, want string }{
		{"Kevin McCoy USA TODAY", "USA TODAY", "Kevin McCoy"},
		{"Elliot Brownstein Florida Today", "Florida Today", "Elliot Brownstein"},
		{"Jane Today", "Today", "Jane Today"},
		{"Jane Doe", "", "Jane Doe"},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.name, tt.site); got != tt.want {
			t.Errorf("stripSiteSuffix(%q, %q) = %q, want %q", tt.name, tt.site, got, tt.want)
		}
	}
}

func TestCleanTextEntities(t *testing.T) {
	if got := cleanText("Bike &amp; Style\u00a0review &#8211; \n ok"); got != "Bike & Style review – ok" {
		t.Errorf("cleanText = %q", got)
	}
}

// cleanText copies only what needs cleaning; the result is the fields
// joined by single spaces either way.
func TestCleanTextSpaces(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u2009b", "\u3000",
		"Jane Doe", "Jane Doe ", "\xff b", "a \xff", "a\nb", "x\u200b", "many words in a row",
		" Jane Doe ", "\n\tJane Doe\u00a0", " Jane  Doe ", "\u3000a b\u3000", " a\tb ", "  ", " \xff "} {
		if got, want := cleanText(s), strings.Join(strings.FieldsFunc(s, isSpace), " "); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", s, got, want)
		}
	}
}

// textBlocks copies runs of text whole; refTextBlocks is the byte-by-byte
// form it replaced.
func TestTextBlocks(t *testing.T) {
	refTextBlocks := func(n *html.Node, limit int, sep string) string {
		var sb strings.Builder
		kept := 0
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if limit >= 0 && kept > limit {
				return
			}
			switch n.Type {
			case html.TextNode:
				if limit < 0 {
					sb.WriteString(n.Data)
					return
				}
				space := false
				for i := 0; i < len(n.Data) && kept <= limit; i++ {
					switch c := n.Data[i]; c {
					case ' ', '\t', '\n', '\r', '\f':
						space = true
					default:
						if space {
							sb.WriteByte(' ')
							space = false
						}
						sb.WriteByte(c)
						kept++
					}
				}
				if space {
					sb.WriteByte(' ')
				}
				return
			case html.ElementNode:
				switch n.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Template:
					return
				case atom.Br, atom.P, atom.Div, atom.Li:
					sb.WriteString(sep)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(n)
		return sb.String()
	}
	for _, src := range []string{
		"", "abc", "  By  <b>Jane</b>\n\tDoe  ", "<p>one two</p><div> three </div><br>four<script>x</script>",
		"<span>Published on</span> <span>12 March 2024</span>", "<p>" + strings.Repeat("word ", 100) + "</p>",
		"a\fb\rc  d\u00a0e", "<li>x</li><li> y z </li>",
	} {
		doc, err := html.Parse(strings.NewReader("<body>" + src))
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{-1, 0, 1, 2, 3, 5, 8, 13, 100, 2000} {
			for _, sep := range []string{" ", " ; "} {
				if got, want := textBlocks(doc, limit, sep), refTextBlocks(doc, limit, sep); got != want {
					t.Errorf("textBlocks(%q, %d, %q) = %q, want %q", src, limit, sep, got, want)
				}
			}
			if limit < 0 {
				continue
			}
			ref := refTextBlocks(doc, limit, " ")
			kept := 0
			for i := 0; i < len(ref); i++ {
				if !strings.ContainsRune(" \t\n\r\f", rune(ref[i])) {
					kept++
				}
			}
			want, wantOK := cleanText(ref), kept <= limit
			if !wantOK {
				want = ""
			}
			if got, ok := shortText(doc, limit); got != want || ok != wantOK {
				t.Errorf("shortText(%q, %d) = %q, %v; want %q, %v", src, limit, got, ok, want, wantOK)
			}
		}
	}
}

// bylineCut finds what the single pattern it was made of found.
func TestBylineCut(t *testing.T) {
	one := regexp.MustCompile(`(?i)\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\blast updated\b|\bemail the author\b|\be-mail\b|\bemail\b|\bfollow\b|\bcontact\b|\bread more\b|\bmore by\b|\bmore from\b|\bview all\b|\bsee all\b|\bon twitter\b|\bon facebook\b|\bphotograph(?:y|s)?\s+by\b|\bedited by\b|\billustrations?\s+by\b|\bphotos?\s+by\b|\bvideo\s+by\b|\bmis à jour\b|\baktualisiert\b|\bactualizado\b|\batualizado\b|\baggiornato\b|\bupdated on\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\bhours? ago\b|\bminutes? ago\b|\bdays? ago\b)`)
	for _, s := range []string{"", "Jane Doe", "Mark June", "Simon Sunday", "By Jane Doe | Updated May 17, 2024 10:32 AM",
		"Jane Doe  Updated 2 hours ago", "Jane Doe 17 May", "Jane Doe, 10:32", "Jane Doe 2024", "Jane Doe 12/05/24",
		"Jane Doe  • Reuters", "Jane Doe Monday 12:00", "Jane Doe  Mar. 5 and more", "Jane Doe email the author",
		"Jane Doe · 3 min read", "JANE DOE UPDATED: JAN 5, 2024", "Doe2024", "Jane 5 julio", "a 1999 b | c"} {
		want := -1
		if loc := one.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := bylineCut(s); got != want {
			t.Errorf("bylineCut(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestHasPubLabelHint(t *testing.T) {
	for _, s := range []string{"", "u", "Published on", "PUBLISHED", "Veröffentlicht am", "Erschienen",
		"posted", "POSTED", "Pubblicato il", "Опубликовано", "ОПУБЛИКОВАНО", "기사입력", "发布时间", "掲載日",
		"nothing here", "public", "ub", "xubli", "osteo", "ffentlich"} {
		want := false
		for _, h := range pubLabelHints {
			want = want || strings.Contains(s, h)
		}
		if got := hasPubLabelHint(s); got != want {
			t.Errorf("hasPubLabelHint(%q) = %v, want %v", s, got, want)
		}
	}
}

// layoutFits only skips layouts that time.Parse would refuse.
func TestLayoutFits(t *testing.T) {
	values := []string{"2024-05-17T09:30:00+01:00", "2024-05-17", "20240517", "2024/05/17 10:00:00",
		"Fri, 17 May 2024 09:30:00 GMT", "Friday, 17-May-24 09:30:00 UTC", "Fri May 17 09:30:00 2024",
		"17 May 2024 09:30:00 +0100", "May 17, 2024 09:30", "May 17, 2024", "17 May 2024", "17.05.2024",
		"2 January 2006", "Jan 2, 2006", "x", "1", "-2024-05-17", "+2024-05-17", "202a-05-17", "  "}
	for _, l := range machineLayouts {
		values = append(values, l, time.Now().Format(l), time.Date(2009, 11, 10, 23, 4, 5, 0, time.UTC).Format(l))
	}
	for _, v := range values {
		for _, l := range machineLayouts {
			if _, err := time.Parse(l, v); err == nil && !layoutFits(l, v) {
				t.Errorf("layoutFits(%q, %q) = false, but it parses", l, v)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-05-17T09:30:00+01:00", "2024-05-17T09:30:00+01:00"},
		{"2024-05-17T09:30:00.123Z", "2024-05-17T09:30:00.123Z"},
		{"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
		{"2018-04-05T06:00", "2018-04-05T06:00:00 local"},
		{"2017-11-03 03:01:00.000000", "2017-11-03T03:01:00 local"},
		{"2024-06-25", "2024-06-25T00:00:00 local"},
		{"Fri, 22 Dec 2016 10:43:37 -0800", "2016-12-22T10:43:37-08:00"},
		{"Fri, 22 Dec 2016 10:43:37 EST", "2016-12-22T10:43:37-05:00"},
		{"Fri, 22 Dec 2016 10:43:37 GMT", "2016-12-22T10:43:37Z"},
		{"Fri, 22 Dec 2016 10:43:37 XYZ", "2016-12-22T10:43:37 local"},
		{"May 17, 2024", "2024-05-17T00:00:00 local"},
		{"Updated March 4, 2021 at 3:46 PM", "2021-03-04T15:46:00 local"},
		{"March 11, 2015 3:46 PM EDT", "2015-03-11T15:46:00-04:00"},
		{"Nov. 3, 2024, 9:05 a.m. ET", "2024-11-03T09:05:00-05:00"},
		{"July 4, 2024 12:15 am PT", "2024-07-04T00:15:00-07:00"},
		{"5 March 2024, 14:30 GMT", "2024-03-05T14:30:00Z"},
		{"14:30 CET, 5 March 2024", "2024-03-05T14:30:00+01:00"},
		{"Wed Nov 20 2019 15:23:00 GMT+0100 (Central European Standard Time)", "2019-11-20T15:23:00+01:00"},
		{"November 20 15:23 2019", "2019-11-20T15:23:00 local"},
		{"30 avril 2015 à 07h19", "2015-04-30T07:19:00 local"},
		{"17.05.2024, 14:30 Uhr MESZ", "2024-05-17T14:30:00+02:00"},
		{"17. Mai 2024", "2024-05-17T00:00:00 local"},
		{"17 de mayo de 2024", "2024-05-17T00:00:00 local"},
		{"3 de setiembre del 2023", "2023-09-03T00:00:00 local"},
		{"1er décembre 2022", "2022-12-01T00:00:00 local"},
		{"12 marzo 2024 ore 10:05", "2024-03-12T10:05:00 local"},
		{"5 de março de 2024", "2024-03-05T00:00:00 local"},
		{"17 мая 2024 г., 14:30 МСК", "2024-05-17T14:30:00+03:00"},
		{"5 сент. 2023", "2023-09-05T00:00:00 local"},
		{"3. Mär. 2021", "2021-03-03T00:00:00 local"},
		{"2024-05-17 at 25:61", "2024-05-17T00:00:00 local"},
		{"2019年11月20日 15:23", "2019-11-20T15:23:00 local"},
		{"2012년 11월 06일", "2012-11-06T00:00:00 local"},
		{"1715938200", "2024-05-17T09:30:00Z"},
		{"not a date", ""},
		{"31.02.2024", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		s := ""
		switch {
		case ok && got.local:
			s = got.t.Format("2006-01-02T15:04:05") + " local"
		case ok:
			s = got.t.Format(time.RFC3339Nano)
		}
		if s != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestWhenIn(t *testing.T) {
	paris := time.FixedZone("", 3600)
	day := when{t: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), local: true}
	if got := day.in(paris).Format(time.RFC3339); got != "2024-03-05T00:00:00+01:00" {
		t.Errorf("a day in the page's zone = %s", got)
	}
	if got := day.in(nil).Format(time.RFC3339); got != "2024-03-05T00:00:00Z" {
		t.Errorf("a day with no zone known = %s", got)
	}
	clock := when{t: time.Date(2024, 4, 2, 18, 45, 0, 0, time.UTC), local: true}
	if got := clock.in(paris).Format(time.RFC3339); got != "2024-04-02T18:45:00+01:00" {
		t.Errorf("a wall clock in the page's zone = %s", got)
	}
	// "6:45 p.m." with no zone on the page is not 18:45 UTC: only the day.
	if got := clock.in(nil).Format(time.RFC3339); got != "2024-04-02T00:00:00Z" {
		t.Errorf("a wall clock with no zone known = %s", got)
	}
	zoned := when{t: time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC), zoned: true}
	if got := zoned.in(paris).Format(time.RFC3339); got != "2024-03-05T14:30:00Z" {
		t.Errorf("a zoned date is not moved: %s", got)
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/2024/05/17/some-story", "2024-05-17"},
		{"/news/2024-05-17-some-story", "2024-05-17"},
		{"/20240517/story.html", "2024-05-17"},
		{"/2024/05/some-story", ""},
		{"/2024/13/40/x", ""},
		{"/2024/05-17/x", ""},
	}
	for _, tt := range tests {
		got, ok := urlDate(tt.in)
		s := ""
		if ok {
			s = got.t.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, host, h1, want string }{
		{"How to Build a Terrarium | eHow", "eHow", "", "", "How to Build a Terrarium"},
		{"Le Monde - Les dernières nouvelles", "Le Monde", "", "", "Les dernières nouvelles"},
		{"Storm hits coast – BBC News", "", "www.bbc.co.uk", "", "Storm hits coast – BBC News"},
		{"Storm hits coast | BBC", "", "www.bbc.co.uk", "", "Storm hits coast"},
		{"Wahl: Die Ergebnisse | Nordkurier", "Nordkurier Online", "", "", "Wahl: Die Ergebnisse"},
		{"A headline - Section - Site", "", "", "A headline", "A headline"},
		{"Site - A long headline here", "", "", "Site", "Site - A long headline here"},
		{"No separator here", "Site", "", "", "No separator here"},
	}
	for _, tt := range tests {
		var h1s []string
		if tt.h1 != "" {
			h1s = []string{tt.h1}
		}
		if got := stripSiteName(tt.title, tt.site, tt.host, h1s); got != tt.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"EN-us", "en-US"}, {"pt_BR", "pt-BR"}, {"fr-FR.UTF-8", "fr-FR"},
		{"zh-hant-tw", "zh-Hant-TW"}, {"es-419", "es-419"}, {"de, en", "de"},
		{"x-default", ""}, {"und", ""}, {"", ""}, {"english", ""},
	}
	for _, tt := range tests {
		if got := NormalizeLanguage(tt.in); got != tt.want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolveLanguage(t *testing.T) {
	en := strings.Repeat("The council voted on Thursday to build a new bridge over the river, ending a debate that lasted ten years. ", 10)
	de := strings.Repeat("Der Stadtrat hat am Donnerstag beschlossen, eine neue Brücke über den Fluss zu bauen, nach zehn Jahren Streit. ", 10)
	tests := []struct{ declared, body, want string }{
		{"en-GB", en, "en-GB"},
		{"", en, "en"},
		{"en", de, "de"},
		{"de-AT", de, "de-AT"},
		{"fr", "Trop court.", "fr"},
		{"", "Too short.", ""},
		{"en", strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ", 10), "en"},
	}
	for _, tt := range tests {
		if got := ResolveLanguage(tt.declared, tt.body); got != tt.want {
			t.Errorf("ResolveLanguage(%q, %.20q…) = %q, want %q", tt.declared, tt.body, got, tt.want)
		}
	}
}

func TestReadLenientJSONLD(t *testing.T) {
	blocks := []string{
		"<![CDATA[{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\",}]]>",
		`{"@type":"WebSite","name":"Site"}{"@type":"Organization","name":"Org"}`,
	}
	d := parseJSONLD(blocks)
	if d.article == nil || ldString(d.article["headline"]) != "Line break" {
		t.Errorf("article = %v, want the NewsArticle with its headline", d.article)
	}
	if d.webSite != "Site" || d.publisher != "Org" {
		t.Errorf("webSite, publisher = %q, %q; want Site, Org", d.webSite, d.publisher)
	}
}

func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile("testdata/jsonld-graph.html")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		b.Fatal(err)
	}
	u, _ := url.Parse(defaultURL)
	b.ReportAllocs()
	for b.Loop() {
		ReadWith(doc, u, Options{Now: testNow})
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	text := strings.Repeat("The council voted on Thursday to build a new bridge over the river, ending a debate that lasted ten years. ", 40)
	b.ReportAllocs()
	for b.Loop() {
		DetectLanguage(text)
	}
}

func TestFromURL(t *testing.T) {
	tests := []struct{ rawURL, site, published string }{
		{"https://www.themoscowtimes.com/2012/11/12/x", "themoscowtimes.com", "2012-11-12"},
		{"https://news.example.co.uk/world/20240517/story.html", "news.example.co.uk", "2024-05-17"},
		{"https://example.org/2099/01/01/future", "example.org", ""},
		{"http://127.0.0.1/2012/11/12/x", "", "2012-11-12"},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.rawURL)
		m := FromURL(u, Options{Now: testNow})
		pub := ""
		if !m.Published.IsZero() {
			pub = m.Published.Format(time.DateOnly)
		}
		if m.SiteName != tt.site || pub != tt.published {
			t.Errorf("FromURL(%s) = site %q, published %q; want %q, %q", tt.rawURL, m.SiteName, pub, tt.site, tt.published)
		}
	}
	if m := FromURL(nil, Options{}); m.SiteName != "" || !m.Published.IsZero() {
		t.Errorf("FromURL(nil) = %+v, want empty", m)
	}
}

// A publication label in an element of its own, the date in the next.
func TestLabelDates(t *testing.T) {
	tests := []struct{ body, want string }{
		{`<p><span>publiziert am</span> <b>30. Juli 2018</b></p>`, "2018-07-30"},
		{`<div><span>Publicado el</span><span>17 de mayo de 2024</span></div>`, "2024-05-17"},
		{`<div><em>Pubblicato il</em> <span>12 marzo 2024 ore 10:05</span></div>`, "2024-03-12"},
		{`<div><span>Опубликовано:</span> <span>17 мая 2024</span></div>`, "2024-05-17"},
		{`<p>Posted on <a href="/2019/11">November 20 15:23 2019</a></p>`, "2019-11-20"},
		{`<div class="comments"><span>Published</span> <span>1 May 2024</span></div>`, ""},
		{`<div class="info">기사입력 :[ 2018-08-25 15:24 ]</div><div>[ 등록년월일 : 2012년 11월 06일 ]</div>`, "2018-08-25"},
		{`<p><span>发布时间：</span><span>2019年11月20日</span></p>`, "2019-11-20"},
		{`<p>The report was published in the spring.</p>`, ""},
	}
	u, _ := url.Parse(defaultURL)
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body><article><h1>A headline here</h1>" + tt.body + "</article></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		m := ReadWith(doc, u, Options{Now: testNow})
		got := ""
		if !m.Published.IsZero() {
			got = m.Published.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("%s: published %q, want %q", tt.body, got, tt.want)
		}
	}
}

// A byline of the article that names the meta's author and more people
// gives the list; labels run into the same name are no second author.
func TestBylineSuperset(t *testing.T) {
	tests := []struct{ head, body, want string }{
		{`<meta name="author" content="Natalie Grover">`, `<div data-testid="AuthorByline">By <a>Natalie Grover</a> and <a>Colleen Howe</a></div>`, "Natalie Grover|Colleen Howe"},
		{`<meta name="author" content="Sarah E. Needleman">`, `<div class="byline"><span>By</span><div class="author"><span class="name">Sarah E. Needleman</span></div><div class="author">Biography<a>Sarah E. Needleman</a></div></div>`, "Sarah E. Needleman"},
		{`<meta name="author" content="Victor Davis Hanson">`, `<p class="byline">By Victor Davis Hanson, About Victor Davis Hanson</p>`, "Victor Davis Hanson"},
		{`<meta name="author" content="Ana Lima">`, `<p class="byline">By Bruno Costa and Carla Dias</p>`, "Ana Lima"},
	}
	u, _ := url.Parse(defaultURL)
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body><article><h1>A headline here</h1>" + tt.body + "<p>Text of the story.</p></article></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ReadWith(doc, u, Options{Now: testNow}).Authors, "|"); got != tt.want {
			t.Errorf("%s: authors %q, want %q", tt.body, got, tt.want)
		}
	}
}

// A person in a byline marked up as such outranks an Organization author,
// also on a page without <article> or <main>; a dateline does not.
func TestPersonOverOrganisation(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline here","author":{"@type":"Organization","name":"Sky"}}</script>`
	tests := []struct{ body, want string }{
		{`<div class="article-author"><h3 class="article-author__name"><a href="/author/tom">Tom Gillespie</a></h3></div>`, "Tom Gillespie"},
		{`<div class="article-author__name">Reuters, Washington</div>`, "Sky"},
	}
	u, _ := url.Parse(defaultURL)
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head>" + ld + "</head><body><div><h1>A headline here</h1>" + tt.body + "<p>Text of the story.</p></div></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ReadWith(doc, u, Options{Now: testNow}).Authors, "|"); got != tt.want {
			t.Errorf("%s: authors %q, want %q", tt.body, got, tt.want)
		}
	}
}

// classWordGroups is the fast form of lower-casing and looking for each
// class word, and classInfo matches the values of an element one by one:
// they must agree with the plain forms, the words looked for in the
// lower-cased string and the regexps run on the values joined.
func TestClassInfo(t *testing.T) {
	values := []string{
		"", "a", "bio", "date", "DATE", "xDaTe", "post-Author", "comment", "Commentlist", "sidebar-widget",
		"c-byline__name", "article-header", "timeline", "ReadMore", "publishedAt", "wRiTer",
		"mod", "modif", "upDated", "creat", "created", "teaser", "entry-title h-entry", "js-trending",
		"ſidebar", "\u212Aomment", "Datum Zeit", "自动 date", "é-comment", "\xffdate", "dat\xffe",
		"fb-more date", "au", "aut", "auth", "author", "authors", "author-avatar", "byline", "photo",
		"related", "more-by", "more", "ſ", "post", "Author", "comments", "widget-area", "ſocial",
		"most-read", "Read-More", "x_sidebar", "sidebarx", "teasers_", "recommendations", "recommends",
		"FOOTER", "site-footer main", "post-date", "time-stamp", "timestamp", "datetime-x", "xdatetime",
		"p-author", "author_name", "authorname", "co-author", "bylines", "meta-date", "date-", "-date",
		"entry-date_", "updated-at", "dateline", "post-", "promo_box", "newsletter", "Comment", "disqus_thread",
		"ſidebar-ſ", "more-ſtories", "readmore x", "most-popular", "popularity", "trending-now",
	}
	// The class regexps as they were before classPattern.
	var (
		noiseRe      = regexp.MustCompile(`(?i)(^|[-_ ])(comments?|comment-list|commentlist|disqus|replies|reply|related|recommend(ed|ations)?|more-stories|more-from|read-more|readmore|most-read|most-popular|popular|trending|sidebar|widget|footer|outbrain|taboola|teaser|teasers|promo|newsletter)($|[-_ ])|comment`)
		bylineStrong = regexp.MustCompile(`(?i)byline|(^|[-_ ])(author|authors|author-name|authorname|writer|p-author)($|[-_ ])`)
		dateClassRe  = regexp.MustCompile(`(?i)(^|[-_ ])(date|time|timestamp|published|pubdate|posted|post-date|postdate|entry-date|publish|dateline|updated|article-date|meta-date)($|[-_ ])|datetime|publishdate|datepublished`)
	)
	joined := func(ea elemAttrs) classInfo {
		cid := ea.class + " " + ea.id
		if ea.testid != "" {
			cid += " " + ea.testid
		}
		if ea.component != "" {
			cid += " " + ea.component
		}
		var ci classInfo
		if cid == " " {
			return ci
		}
		l := strings.ToLower(cid)
		if containsAny(l, noiseWords) {
			ci.noise = noiseRe.MatchString(cid)
		}
		if containsAny(l, bylineWords) {
			ci.bylineStrong = bylineStrong.MatchString(cid)
			ci.byline = bylineClassRe.MatchString(cid) && !notBylineRe.MatchString(cid)
		}
		if containsAny(l, dateWords) {
			ci.date = dateClassRe.MatchString(cid)
			ci.updated = updatedRe.MatchString(cid)
			ci.published = publishedRe.MatchString(cid)
		}
		return ci
	}
	p := &page{classes: map[string]classMatch{}}
	for _, a := range values {
		for _, c := range []struct {
			pattern *classPattern
			re      *regexp.Regexp
		}{{noiseClass, noiseRe}, {bylineStrongClass, bylineStrong}, {dateClass, dateClassRe}} {
			if got, want := c.pattern.MatchString(a), c.re.MatchString(a); got != want {
				t.Errorf("%v.MatchString(%q) = %v, want %v", c.pattern.names, a, got, want)
			}
		}
		if got, _ := classWordGroups(a); got != classWordGroupsSlow(a) {
			t.Errorf("classWordGroups(%q) = %b, want %b", a, got, classWordGroupsSlow(a))
		}
		for _, b := range values {
			for _, ea := range []elemAttrs{{class: a, id: b}, {class: a, testid: b}, {id: a, component: b}, {class: a + " " + b}} {
				if got, want := p.classInfo(&ea), joined(ea); got != want {
					t.Errorf("classInfo(%+v) = %+v, want %+v", ea, got, want)
				}
			}
		}
	}
}

// TestClassMatchersASCII checks the byte matchers that stand in for the
// class regexps on ASCII values, on values built from their words and the
// bytes around them.
func TestClassMatchersASCII(t *testing.T) {
	pieces := []string{"author", "AUTHOR", "Author", "s", "S", "name", "Name", "nam", "-", "_", " ", "x", "Z", "7", "é",
		"byline", "writtenby", "WrittenBy", "dateline", "writer", "contributor", "reporter", "journalist", "auth", "or",
		"updat", "UPDAT", "modif", "edited", "publish", "pubdate", "posted", "created", "entry-date", "entry", "date",
		"pub", "upd", "ed", "ited", "\x00", "ſ", "\u212A"}
	seed := uint32(7)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 50000 {
		var b strings.Builder
		for range 1 + next(5) {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		if !isASCII(s) {
			continue
		}
		for _, c := range []struct {
			fast interface{ MatchString(string) bool }
			re   *fastre.Regexp
		}{{bylineClassASCII{}, bylineClassRe}, {updatedParts, updatedRe}, {publishedParts, publishedRe}} {
			if got, want := c.fast.MatchString(s), c.re.MatchString(s); got != want {
				t.Errorf("%T.MatchString(%q) = %v, %s says %v", c.fast, s, got, c.re, want)
			}
		}
	}
}

// TestCollapseSpace checks collapseSpace against the regexp it stands in
// for.
func TestCollapseSpace(t *testing.T) {
	innerSpaceRe := regexp.MustCompile(`\s+`)
	pieces := []string{" ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "\xff", "a", "Jane", "Doe", "é", ".", ""}
	seed := uint32(3)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 20000 {
		var b strings.Builder
		for range next(7) {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		if got, want := collapseSpace(s), innerSpaceRe.ReplaceAllString(s, " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLowerKeepsLetters checks what stopShare relies on to lower-case
// word by word: unicode.ToLower (as strings.ToLower applies it) maps every
// letter to a letter and every other rune to a non-letter.
func TestLowerKeepsLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) != unicode.IsLetter(unicode.ToLower(r)) {
			t.Errorf("%U is a letter: %v, lower-cased %U: %v", r, unicode.IsLetter(r), unicode.ToLower(r), unicode.IsLetter(unicode.ToLower(r)))
		}
	}
	for _, s := range []string{"The cat and THE dog, ÉTÉ", "Die STRAẞE \xff\xfeund das", "ΣΊΣΥΦΟΣ σοφός", "İstanbul ve Işık"} {
		for _, lang := range []string{"en", "de", "tr"} {
			want := 0.0
			n, hits := 0, 0
			for w := range letterWords(strings.ToLower(s)) {
				n++
				if stopwords[lang][w] {
					hits++
				}
			}
			if n > 0 {
				want = float64(hits) / float64(n)
			}
			if got := stopShare(s, lang); got != want {
				t.Errorf("stopShare(%q, %s) = %v, want %v", s, lang, got, want)
			}
		}
	}
}

// TestSplitShortcuts checks maySplit and cutPrefix against the regexps
// they stand in for, on texts built from the words and bytes that matter.
func TestSplitShortcuts(t *testing.T) {
	pieces := []string{"and", "AnD", "sowie", "ſowie", "Sowie", "y", "Y", "e", "et", "ET", "og", "och", "i", "I",
		"By", "by:", "Par", "Автор:", "текст ", "x", "_", "7", " ", "  ", "-", ",", "&", "＆", "、", "é", "Jean", "Doe", "Andy", "Ian",
		"written by", "Von", "with", "withe", "mit", "avec"}
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 20000 {
		var b strings.Builder
		for range 1 + next(6) {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		if !maySplit(s) && splitRe.MatchString(s) {
			t.Errorf("maySplit(%q) = false, splitRe matches", s)
		}
		for _, re := range []*fastre.Regexp{byPrefixRe, cyrPrefixRe} {
			if got, want := cutPrefix(re, s), re.ReplaceAllString(s, ""); got != want {
				t.Errorf("cutPrefix(%s, %q) = %q, want %q", re, s, got, want)
			}
		}
	}
}

func TestRelAuthor(t *testing.T) {
	for _, rel := range []string{"", "author", "AUTHOR", "Author nofollow", "nofollow author", "x author y", "authors", "coauthor",
		"author\tx", " author", "author ", "  author  ", "autho", "auth or", "Å author", "ÅUTHOR", "author é", "\u212aauthor"} {
		if got, want := relAuthor(rel), strings.Contains(" "+strings.ToLower(rel)+" ", " author "); got != want {
			t.Errorf("relAuthor(%q) = %v, want %v", rel, got, want)
		}
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"byline/extract/metadata"
)

// Regression tests for the second QA report's body findings (pages laid
// out as old CMS templates, blogs with embeds and live blogs).

func ruleOf(removed []Removal, text string) string {
	for _, r := range removed {
		if r.Text == text {
			return r.Rule
		}
	}
	return ""
}

func TestOldCMSLines(t *testing.T) {
	story := `<div class="text">COLUMBUS, Ohio (AP) &mdash; Severe thunderstorms tore through the Ohio Valley on Tuesday, knocking out power to more than 200,000 homes and businesses.<br><br>` +
		`The National Weather Service confirmed at least two tornadoes touched down in southern Ohio, one near the town of Piketon.<br><br>` +
		`Schools in several districts announced they would be closed on Wednesday, officials said late on Tuesday.<br><br>` +
		`___<br><br>* * *<br><br>Associated Press writer Julie Carr Smyth contributed to this report.<br><br>Kim Lee contributed reporting from Cincinnati.</div>`
	tests := []struct {
		name    string
		head    string
		removed map[string]string // text → rule
	}{
		{
			name: "styled spans",
			head: `<span class="headline">Storm leaves thousands without power in Ohio Valley</span><br>` +
				`<span class="byline">By JOHN SEEWER and MARK GILLISPIE Associated Press</span><br>` +
				`<span class="dateline">Published: Tuesday, April 2, 2024 at 6:45 p.m.</span><br><br>`,
			removed: map[string]string{
				"Storm leaves thousands without power in Ohio Valley": ruleTitle,
				"By JOHN SEEWER and MARK GILLISPIE Associated Press":  ruleByline,
				"Published: Tuesday, April 2, 2024 at 6:45 p.m.":      ruleDate,
			},
		},
		{
			name: "plain byline and date lines under a bold headline",
			head: `<b>Storm leaves thousands without power in Ohio Valley</b><br>By John Seewer<br>Updated 7:10 p.m. April 2, 2024<br><br>`,
			removed: map[string]string{
				"Storm leaves thousands without power in Ohio Valley": ruleTitle,
				"By John Seewer":                  ruleByline,
				"Updated 7:10 p.m. April 2, 2024": ruleDate,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<body><table><tr><td class="storybody">` + tt.head + story + `</td></tr></table></body>`
			got, removed := runContent(t, page, "Storm leaves thousands without power in Ohio Valley")
			if len(got) != 3 || !strings.HasPrefix(got[0], "COLUMBUS, Ohio (AP)") || !strings.HasPrefix(got[2], "Schools in several") {
				t.Errorf("body = %q, want the three paragraphs of the story", got)
			}
			for text, rule := range tt.removed {
				if r := ruleOf(removed, text); r != rule {
					t.Errorf("%q: rule %q, want %q", text, r, rule)
				}
			}
			for text, rule := range map[string]string{
				"___":   ruleSeparator,
				"* * *": ruleSeparator,
				"Associated Press writer Julie Carr Smyth contributed to this report.": ruleByline,
				"Kim Lee contributed reporting from Cincinnati.":                       ruleByline,
			} {
				if r := ruleOf(removed, text); r != rule {
					t.Errorf("%q: rule %q, want %q", text, r, rule)
				}
			}
		})
	}
}

func TestLinesKeptTogether(t *testing.T) {
	// A schedule of dates, a poem-like run of plain lines, a bold element
	// that spans two lines and a related list under a bold label are not
	// split into lines of their own.
	page := `<body><article>` + para("Intro.") +
		`<p>Stage 1: 10 March – Interlagos<br>Stage 2: 8 April – Curitiba<br>Stage 3: 22 April – Velopark</p>` +
		`<p>The river runs under the bridge<br>and the town sleeps beside it<br>until the bells ring out again.</p>` +
		`<p><strong>We invite you to visit our stand at the fair. <br>Book a meeting with our team today.</strong></p>` +
		`<p><strong>DON'T MISS</strong><br><strong><a href="/a">Council approves the new budget for schools</a></strong><br><strong><a href="/b">Mayor names a new chief of police</a></strong></p>` +
		para("End.") + `</article></body>`
	got, _ := runContent(t, page, "")
	for _, w := range []string{
		"Stage 1: 10 March – Interlagos Stage 2: 8 April – Curitiba Stage 3: 22 April – Velopark",
		"The river runs under the bridge and the town sleeps beside it until the bells ring out again.",
		"We invite you to visit our stand at the fair. Book a meeting with our team today.",
	} {
		if !slices.Contains(got, w) {
			t.Errorf("paragraph %q missing from %q", w, got)
		}
	}
	if body := strings.Join(got, "\n"); strings.Contains(body, "DON'T MISS") || strings.Contains(body, "Mayor names") {
		t.Errorf("related list kept:\n%s", body)
	}
}

func TestContributionAndSeparatorWording(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Associated Press writer Julie Carr Smyth contributed to this report.", true},
		{"Associated Press writers Alan Fram and Zeke Miller contributed.", true},
		{"Keith Bradsher contributed reporting from Hong Kong.", true},
		{"Fox News’ Jessica Napoli contributed to this report.", true},
		{"Additional reporting was contributed by Ana Ruiz.", true},
		{"Smith contributed $5,000 to the campaign, records show.", false},
		{"“I contributed to this report,” the analyst said of the audit.", false},
	} {
		if got := isBylineText(tc.text, nil); got != tc.want {
			t.Errorf("isBylineText(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"___", true}, {"* * *", true}, {"---", true}, {"•••", true}, {"…", true},
		{"—", true}, {"1.", false}, {"A", false}, {"***Update***", false},
	} {
		if got := isSeparator(tc.text); got != tc.want {
			t.Errorf("isSeparator(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestAdjacentLinksSpaced(t *testing.T) {
	page := `<body><header><nav><a href="/">SPIEGEL</a><a href="/politik/">Politik</a><a href="/wirtschaft/">Wirtschaft</a></nav></header><article>` + para("Intro.") +
		`<p>More details can be found in the <a href="/doc#data-model">D</a><a href="/doc#data-model">ata</a> <a href="/doc#data-model">Model</a> section below, the team said on Monday.</p>` +
		`<div class="paywall-teaser"><p>Jetzt SPIEGEL+ testen: Ein Monat für 1 Euro. Danach für 19,99 Euro pro Monat, jederzeit kündbar.</p><a href="/abo">Jetzt testen</a></div>` +
		para("End.") + `<div><a href="#">Feedback</a><a href="#share">Artikel teilen</a></div></article></body>`
	got, removed := runContent(t, page, "")
	if !slices.Contains(got, "More details can be found in the Data Model section below, the team said on Monday.") {
		t.Errorf("a link split in two is no longer one word: %q", got)
	}
	for _, want := range []string{"SPIEGEL Politik Wirtschaft", "Jetzt SPIEGEL+ testen: Ein Monat für 1 Euro. Danach für 19,99 Euro pro Monat, jederzeit kündbar. Jetzt testen", "Feedback Artikel teilen"} {
		found := false
		for _, r := range removed {
			found = found || r.Text == want
		}
		if !found {
			t.Errorf("no removal %q in %+v", want, removed)
		}
	}
}

func TestTimeLabelsJoined(t *testing.T) {
	entry := func(time, head, text string) string {
		return `<div class="block"><div class="block-time"><time>` + time + `</time></div><div class="block-elements">` + head + para(text) + `</div></div>`
	}
	page := `<body><article><h1>Election results live</h1>` + para("Intro.") +
		entry("06:30 BST", `<h2>Starmer: "Change begins now"</h2>`, "Keir Starmer has addressed supporters.") +
		entry("4:14 p.m.", "", "A transit chief says a man was stabbed.") +
		`<p>18.05 Uhr</p>` + para("Die Polizei meldet einen Unfall.") +
		`<p>1.50</p>` + para("End.") + `</article></body>`
	got, removed := runContent(t, page, "Election results live")
	for _, w := range []string{`06:30 BST. Starmer: "Change begins now"`, "4:14 p.m. A transit chief says a man was stabbed.", "18.05 Uhr. Die Polizei meldet einen Unfall."} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no paragraph starts with %q: %q", w, got)
		}
	}
	if !slices.Contains(got, "1.50") {
		t.Errorf("a number alone was taken for a time: %q", got)
	}
	for _, r := range removed {
		if isBareTime(r.Text) {
			t.Errorf("time label reported as removed: %+v", r)
		}
	}
}

func TestBareTime(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"06:30 BST", true}, {"4:14 p.m.", true}, {"6 pm", true}, {"11h30", true}, {"18.05 Uhr", true}, {"22:00", true},
		{"1.50", false}, {"2019", false}, {"12", false}, {"25:00", false}, {"4:14 p.m. Tuesday", false},
	} {
		if got := isBareTime(tc.text); got != tc.want {
			t.Errorf("isBareTime(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestEmbeddedPostsKept(t *testing.T) {
	// An embedded post is quoted content (often the news itself): its text
	// and its signature stay, as prose, not as a quotation; the buttons of
	// the embed go.
	page := `<body><article>` + para("The union said in a statement that the contract would be put to a vote.") +
		`<blockquote class="twitter-tweet"><p lang="en" dir="ltr">We have reached a tentative agreement on wages and will extend the master contract until January 15. <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; ILA (@ILAunion) <a href="https://twitter.com/ILAunion/status/1">October 3, 2024</a></blockquote>` +
		para("Harold Daggett had said before the strike that he was prepared to keep workers off the job.") +
		`<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C1/"><div><a href="https://www.instagram.com/p/C1/">View this post on Instagram</a></div><p>Back at work at the port this morning after three long days on the picket line.</p><p><a href="https://www.instagram.com/p/C1/">A post shared by Port Workers (@portworkers)</a></p></blockquote>` +
		para("End.") + `</article></body>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	blocks, removed := findContent(doc, &metadata.Metadata{}, true)
	got := map[string]bool{}
	for _, b := range blocks {
		got[b.text] = b.quoted
	}
	for _, w := range []string{
		"We have reached a tentative agreement on wages and will extend the master contract until January 15. pic.twitter.com/x",
		"— ILA (@ILAunion) October 3, 2024",
		"Back at work at the port this morning after three long days on the picket line.",
	} {
		q, ok := got[w]
		if !ok {
			t.Errorf("embedded post text %q missing from %q", w, texts(blocks))
		}
		if q {
			t.Errorf("embedded post text %q taken for a quotation", w)
		}
	}
	if _, ok := got["View this post on Instagram"]; ok || ruleOf(removed, "View this post on Instagram") == "" {
		t.Errorf("the embed's button text kept: %q", texts(blocks))
	}
	for _, label := range []string{"View this post on Instagram", "View post on X", "Watch on YouTube"} {
		if r := wordingRule(label); r != ruleNotice {
			t.Errorf("wordingRule(%q) = %q, want %q", label, r, ruleNotice)
		}
	}
}

func TestTimeLabelKeepsSpeaker(t *testing.T) {
	// The joined time must not hide the name that opens the entry from
	// the quote finder: "he" is the man the entry names.
	entry := func(time, text string) string {
		return `<div class="block"><div class="block-time">` + time + `</div><div class="block-elements"><p>` + text + `</p></div></div>`
	}
	page := `<html><head><title>Election results live</title></head><body><article><h1>Election results live</h1>` +
		entry("04:40 BST", `Rishi Sunak has conceded that Labour has won the general election, speaking at his count in Richmond, where he held his seat.`) +
		entry("01:15 BST", `Nigel Farage has won the Clacton seat for Reform UK, his first victory in eight attempts to enter parliament.</p><p>In his acceptance speech he described the result as "the first step of something that is going to stun all of you".`) +
		`</article></body></html>`
	a, err := Extract([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "01:15 BST. Nigel Farage has won") {
		t.Errorf("time not joined to its entry:\n%s", a.Body)
	}
	found := false
	for _, q := range a.Quotes {
		if strings.HasPrefix(q.Text, "the first step") {
			found = true
			if q.Speaker == nil || *q.Speaker != "Nigel Farage" {
				t.Errorf("speaker %v, want Nigel Farage", speakerOf(q.Speaker))
			}
		}
	}
	if !found {
		t.Errorf("quote missing: %+v", a.Quotes)
	}
}

func speakerOf(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

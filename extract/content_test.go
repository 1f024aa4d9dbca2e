package extract

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"byline/extract/metadata"
)

// para is a paragraph of article prose, long enough to score as one.
func para(s string) string {
	return "<p>" + s + " The council met on Tuesday evening, and members debated the plan for several hours before the vote, officials said.</p>"
}

func runContent(t *testing.T, page, title string) ([]string, []Removal) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	blocks, removed := findContent(doc, &metadata.Metadata{Title: title}, true)
	var out []string
	for _, b := range blocks {
		out = append(out, b.text)
	}
	return out, removed
}

func TestFindContent(t *testing.T) {
	tests := []struct {
		name  string
		title string
		page  string
		want  []string // substrings that must be in the body, in order
		not   []string // substrings that must not
	}{
		{
			name: "article split by an ad box",
			page: `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="story">` +
				para("First part.") + para("Second part.") +
				`<div class="ad-slot"><span>Advertisement</span></div>` +
				`</div><div class="story">` + para("Third part.") + para("Fourth part.") + `</div>` +
				`<footer>Copyright 2024 Example News</footer></body>`,
			want: []string{"First part.", "Second part.", "Third part.", "Fourth part."},
			not:  []string{"Advertisement", "Home", "Copyright"},
		},
		{
			name: "lists and sub-headings kept",
			page: `<body><article>` + para("Intro.") + `<h2>What comes next</h2>` + para("Body.") +
				`<ul><li>The first step is a public hearing.</li><li>The second step is a vote.</li></ul>` + para("End.") + `</article></body>`,
			want: []string{"Intro.", "What comes next", "Body.", "The first step is a public hearing.", "The second step is a vote.", "End."},
		},
		{
			name: "caption and credit dropped",
			page: `<body><article>` + para("Intro.") +
				`<figure><img src="a.jpg"><figcaption>The mayor speaks to reporters. (AP Photo/Jane Roe)</figcaption></figure>` +
				`<p class="photo-credit">Photo: John Doe / Getty Images</p>` + para("Body.") + `</article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"mayor speaks", "Getty"},
		},
		{
			name: "read more line dropped",
			page: `<body><article>` + para("Intro.") + `<p><strong>Read more:</strong> <a href="/x">Council rejects the old plan</a></p>` +
				`<p>Related: <a href="/y">What the budget means for you</a></p>` + para("Body.") + `</article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Council rejects", "What the budget"},
		},
		{
			name: "bio box dropped",
			page: `<body><article>` + para("Intro.") + para("Body.") +
				`<div class="author-bio"><p>Jane Roe is a reporter covering city hall. She joined the paper in 2015 after years at a wire service, where she covered courts.</p></div></article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Jane Roe is a reporter"},
		},
		{
			name: "comments dropped",
			page: `<body><article>` + para("Intro.") + para("Body.") + `</article>` +
				`<section id="comments"><h3>42 comments</h3>` + para("I think the council is wrong.") + para("Totally agree with you.") + `</section></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"council is wrong", "Totally agree", "42 comments"},
		},
		{
			name:  "title repeat, byline and date dropped",
			title: "Council Approves the Budget",
			page: `<body><div class="main"><h1>Council Approves the Budget</h1><p>By Jane Roe</p><p>Published November 19, 2019</p>` +
				para("Intro.") + para("Body.") + `</div></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Council Approves", "Jane Roe", "November 19"},
		},
		{
			name: "share row and newsletter box dropped",
			page: `<body><article><div class="share-tools"><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>` + para("Intro.") +
				`<div class="box"><p>Sign up for our newsletter to get the top stories delivered to your inbox every morning.</p></div>` +
				para("Body.") + `<p>Share this article</p></article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Facebook", "newsletter", "Share this"},
		},
		{
			name: "teaser cards after the article dropped",
			page: `<body><div class="main">` + para("Intro.") + para("Body.") + para("End.") +
				`<div class="card"><h3><a href="/a">Mayor unveils a new transit plan</a></h3><p>The plan adds bus lines.</p></div>` +
				`<div class="card"><h3><a href="/b">School board delays its vote again</a></h3><p>Parents were angry.</p></div>` +
				`<div class="card"><h3><a href="/c">Bridge repairs to start in spring</a></h3><p>Traffic will be slow.</p></div></div></body>`,
			want: []string{"Intro.", "Body.", "End."},
			not:  []string{"bus lines", "Parents were angry", "Traffic will be slow"},
		},
		{
			name: "links between paragraphs of one container are not teasers",
			page: `<body><div class="main">` + para("Intro.") + `<p><a href="/x">Get our app for the latest news today</a></p><p>Shares rose 3 percent.</p>` +
				`<p><a href="/y">Read our markets coverage every day</a></p><p>Sales fell in the quarter.</p>` +
				`<p><a href="/z">Watch the interview with the chief executive</a></p><p>The company expects growth.</p></div></body>`,
			want: []string{"Intro.", "Shares rose 3 percent.", "Sales fell in the quarter.", "The company expects growth."},
		},
		{
			name: "linked sub-headings of a list article kept",
			page: `<body><article>` + para("Intro.") +
				`<h3><a href="/p1">The First Product</a></h3>` + para("It is light and cheap, and the battery lasts for days, which made it the favourite of our testers.") +
				`<h3><a href="/p2">The Second Product</a></h3>` + para("It is heavier, but it is the fastest one we tried, and it comes with a longer warranty than the rest.") + `</article></body>`,
			want: []string{"Intro.", "The First Product", "light and cheap", "The Second Product", "fastest one"},
		},
		{
			name: "br br splits paragraphs",
			page: `<body><div id="text">First paragraph of the story, with enough words to count as prose here.<br><br>Second paragraph of the story, with enough words to count as prose too.<br>Still the second.</div></body>`,
			want: []string{"First paragraph", "Second paragraph of the story, with enough words to count as prose too. Still the second."},
		},
		{
			name: "hidden and cookie banner dropped",
			page: `<body><div class="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing you accept our use of cookies.</p></div>` +
				`<article>` + para("Intro.") + `<div style="display:none"><p>Hidden text that no reader sees on the page at all.</p></div>` + para("Body.") + `</article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"cookies", "Hidden text"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runContent(t, tt.page, tt.title)
			body := strings.Join(got, "\n\n")
			pos := 0
			for _, w := range tt.want {
				i := strings.Index(body[pos:], w)
				if i < 0 {
					t.Errorf("body lacks %q (in order) in:\n%s", w, body)
					continue
				}
				pos += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("body contains %q:\n%s", n, body)
				}
			}
		})
	}
}

func TestFindContentListItemsAreParagraphs(t *testing.T) {
	got, _ := runContent(t, `<body><article>`+para("Intro.")+`<ol><li>One <b>bold</b> item.</li><li>Two   items,
	spread over lines.</li></ol>`+para("End.")+`</article></body>`, "")
	want := []string{"One bold item.", "Two items, spread over lines."}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("no paragraph %q in %q", w, got)
		}
	}
}

func TestExplain(t *testing.T) {
	page := `<body><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav><div id="main"><article>` + para("Intro.") + para("Body.") +
		`<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another story</a></li></ul></aside></article></div>` +
		`<script>var x = 1;</script></body>`
	_, removed := runContent(t, page, "")
	byRule := map[string]Removal{}
	for _, r := range removed {
		if r.Text == "" || len([]rune(r.Text)) > 200 {
			t.Errorf("bad removal text %q", r.Text)
		}
		if strings.Contains(r.Text, "var x") {
			t.Errorf("script reported as removed text: %+v", r)
		}
		byRule[r.Rule] = r
	}
	if r, ok := byRule[ruleNav]; !ok || r.Path != "nav.menu" || r.Text != "Home World" {
		t.Errorf("nav removal = %+v", r)
	}
	if r, ok := byRule[ruleAside]; !ok || r.Path != "div#main > article > aside.related" {
		t.Errorf("aside removal = %+v (all: %+v)", r, removed)
	}

	// Without explain nothing is recorded.
	doc, _ := html.Parse(strings.NewReader(page))
	if _, rem := findContent(doc, &metadata.Metadata{}, false); rem != nil {
		t.Errorf("removals without explain: %+v", rem)
	}
}

func TestSeedHTML(t *testing.T) {
	data, err := os.ReadFile("../testdata/seed/moscow-times-syria-dialogue.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile("../testdata/seed/moscow-times-syria-dialogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ExtractText(string(txt), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != want.Body {
		t.Errorf("HTML body =\n%s\nwant (as from the text seed)\n%s", a.Body, want.Body)
	}
	if a.Title != want.Title {
		t.Errorf("title = %q, want %q", a.Title, want.Title)
	}
}

func TestWordingRule(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Read more: Council rejects plan", ruleReadMore},
		{"READ MORE", ruleReadMore},
		{"Lesen Sie auch: Neue Brücke eröffnet", ruleReadMore},
		{"À lire aussi : la réforme des retraites", ruleReadMore},
		{"Читайте также: новые санкции", ruleReadMore},
		{"Leia também: o novo governo", ruleReadMore},
		{"Advertisement", ruleAd},
		{"Share on Facebook Twitter Email", ruleShare},
		{"Sign up for our daily newsletter and get the news delivered to your inbox.", ruleAppeal},
		{"Support The Moscow Times!", ruleAppeal},
		{"… we have a small favor to ask.", ruleAppeal},
		{"Already a subscriber? Log in", ruleAppeal},
		{"Follow us on Twitter", ruleShare},
		{"Follow her on Twitter @janeroe", ruleNotice},
		{"Have a tip? Email the newsroom.", ruleNotice},
		{"Tags: budget, council", ruleNotice},
		{"This slideshow requires JavaScript.", ruleNotice},
		{"© 2019 Example Media. All rights reserved.", ruleCopyright},
		{"The council read more than 40 letters from residents before the vote.", ""},
		{"Related to the case, police arrested two men on Monday.", ""},
		{"Residents support the new park, a survey found.", ""},
	}
	for _, tt := range tests {
		if got := wordingRule(tt.in); got != tt.want {
			t.Errorf("wordingRule(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

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
			name:  "headline worded unlike the title dropped",
			title: "Budget passes | Example News",
			page:  `<body><div class="main"><h1>Council Approves the City Budget After Long Debate</h1>` + para("Intro.") + `<h2>What changes</h2>` + para("Body.") + `</div></body>`,
			want:  []string{"Intro.", "What changes", "Body."},
			not:   []string{"Long Debate"},
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
			name: "a newsletter line late in the article does not end it",
			page: `<body><div class="main">` + para("One.") + para("Two.") + para("Three.") +
				`<p>Sign up for our newsletter to get the top stories delivered to your inbox.</p>` + para("Four.") + `</div></body>`,
			want: []string{"One.", "Two.", "Three.", "Four."},
			not:  []string{"newsletter"},
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

func TestBylineText(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"B", false},
		{"By Jane Roe", true},
		{"By The Numbers", false},
		{"By the numbers", false},
		{"By JANE ROE, Associated Press", true},
		{"BY JANE ROE AND JOHN DOE", true},
		{"(Reporting by Jane Roe; Editing by John Doe)", true},
		{"Von Hans Müller", true},
		{"Di Mario Rossi", true},
		{"Di recente il consiglio ha approvato il bilancio", false},
		{"By the end of the year, the council expects to finish the work.", false},
		{"Reporters asked the mayor about the plan.", false},
	} {
		if got := isBylineText(tt.in, nil); got != tt.want {
			t.Errorf("isBylineText(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDateLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"Published November 19, 2019", true},
		{"Updated 10:01 pm PST, Tuesday, November 19, 2019", true},
		{"19.11.2019, 17:45 Uhr", true},
		{"segunda-feira, 22 de janeiro de 2018 às 0:13", true},
		{"20 ноября 2019", true},
		{"4:14 p.m.", false},
		{"On Monday, 5 people died.", false},
		{"Nov. 19, 2019", true},
		{"The vote is set for November 19, and the council expects a long debate.", false},
	} {
		if got := isDateLine(tt.in); got != tt.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHintOf(t *testing.T) {
	for _, tt := range []struct {
		class, id, want string
	}{
		{"related-articles", "", ruleRelated},
		{"relatedPosts", "", ruleRelated},
		{"sharebuttons", "", ruleShare},
		{"comment-list", "", ruleComments},
		{"commentary", "", ""},
		{"entry-content comments-open has-share", "", ""},
		{"list-item no_caption", "", ""},
		{"", "sharing-with-a-single-developer", ""},
		{"", "comments", ruleComments},
		{"newsletter-signup", "", ruleAppeal},
		{"article-body", "", ""},
		{"social-embed", "", ""},
	} {
		if got := hintOf(tt.class, tt.id).rule; got != tt.want {
			t.Errorf("hintOf(%q, %q) = %q, want %q", tt.class, tt.id, got, tt.want)
		}
	}
}

func TestCredit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"The mayor speaks to reporters. (AP Photo/Jane Roe)", true},
		{"Photo: John Doe / Getty Images", true},
		{"Image 2 of 5", true},
		{"Foto: dpa", true},
		{"The route runs past the old harbour (see map)", false},
		{"The council met on Tuesday.", false},
	} {
		if got := isCredit(tt.in); got != tt.want {
			t.Errorf("isCredit(%q) = %v, want %v", tt.in, got, tt.want)
		}
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
		{"", ""},
		{"[", ""},
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
		{"Posted in Politics | Tagged budget, council | Leave a comment", ruleNotice},
		{"Like this: Like Loading...", ruleShare},
		{"Jane Roe writes about space. Follow her on Twitter @janeroe.", ruleNotice},
		{"If you enjoyed this article, please consider supporting our work.", ruleAppeal},
		{"This slideshow requires JavaScript.", ruleNotice},
		{"ADVERTISEMENT - CONTINUE READING BELOW", ruleAd},
		{"We use cookies to give you the best experience. By continuing you accept our cookie policy.", ruleCookie},
		{"Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.", ruleCookie},
		{"© 2019 Example Media. All rights reserved.", ruleCopyright},
		{"The council read more than 40 letters from residents before the vote.", ""},
		{"Related to the case, police arrested two men on Monday.", ""},
		{"Residents support the new park, a survey found.", ""},
		{"Copyright law experts disagree on the ruling.", ""},
		{"Copyright 2019 Example Media. All rights reserved.", ruleCopyright},
		{"The first post", ""},
		{"“We need your help to find him,” the sheriff said on Monday.", ""},
		{"Officials urged residents to follow them on Twitter for updates.", ""},
		{"The Red Cross asked people to please donate blood this week.", ""},
	}
	for _, tt := range tests {
		if got := wordingRule(tt.in); got != tt.want {
			t.Errorf("wordingRule(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindContentOddPages(t *testing.T) {
	deep := strings.Repeat("<div>", 400) + "<p>Deep text of the story, long enough to count as one paragraph of prose here.</p>" + strings.Repeat("</div>", 400)
	for name, page := range map[string]string{
		"empty":         "",
		"no body":       "<html><head><title>x</title></head></html>",
		"text only":     "Just some text, without any markup at all, in a document.",
		"frameset":      "<html><frameset><frame src=a.html></frameset></html>",
		"only links":    `<body><a href="/a">One</a> <a href="/b">Two</a></body>`,
		"deep nesting":  "<body>" + deep + "</body>",
		"empty blocks":  "<body><p></p><div> </div><p>\u00a0</p><br><br><br></body>",
		"table layout":  "<body><table><tr><td>Menu</td><td>" + para("Story.") + para("More.") + "</td></tr></table></body>",
		"script inside": "<body><article>" + para("Story.") + "<script>document.write('<p>x</p>')</script></article></body>",
	} {
		t.Run(name, func(t *testing.T) {
			got, _ := runContent(t, page, "")
			for _, p := range got {
				if strings.TrimSpace(p) == "" || p != strings.Join(strings.Fields(p), " ") {
					t.Errorf("paragraph %q is empty or not normalised", p)
				}
			}
			if name == "deep nesting" && (len(got) != 1 || !strings.HasPrefix(got[0], "Deep text")) {
				t.Errorf("deep nesting: got %q", got)
			}
			if name == "table layout" && !strings.Contains(strings.Join(got, " "), "More.") {
				t.Errorf("table layout: got %q", got)
			}
		})
	}
}

package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"byline/extract/metadata"
)

// Regression tests for the QA report's body findings: each case is a small
// page laid out as the page that showed the fault.

func TestQuoteMarkup(t *testing.T) {
	tests := []struct {
		name   string
		lang   string
		page   string
		want   []string // paragraphs of the body that must be there
		quoted []string // paragraphs that must come from a quotation blockquote
		prose  []string // paragraphs that must not
	}{
		{
			name: "q gets marks",
			page: `<body><article>` + para("Intro.") + `<p>Reed said he voted no. <q>We are borrowing from our children,</q> Reed said.</p>` + para("End.") + `</article></body>`,
			want: []string{"Reed said he voted no. “We are borrowing from our children,” Reed said."},
		},
		{
			name: "q marks in French",
			lang: "fr-FR",
			page: `<body><article>` + para("Intro.") + `<p>La ministre a dit <q>nous avons un plan</q> hier.</p>` + para("End.") + `</article></body>`,
			want: []string{"La ministre a dit «nous avons un plan» hier."},
		},
		{
			name: "q with its own marks not doubled",
			page: `<body><article>` + para("Intro.") + `<p>He said <q>"we will win"</q> twice.</p>` + para("End.") + `</article></body>`,
			want: []string{`He said "we will win" twice.`},
		},
		{
			name:   "blockquote with footer attribution",
			page:   `<body><article>` + para("Intro.") + `<blockquote><p>The budget is balanced and the reserves are intact.</p><footer>— Maria Gomez, council president</footer></blockquote>` + para("End.") + `</article></body>`,
			want:   []string{"The budget is balanced and the reserves are intact.", "— Maria Gomez, council president"},
			quoted: []string{"The budget is balanced and the reserves are intact."},
			prose:  []string{"— Maria Gomez, council president"},
		},
		{
			name:  "tweet is not a quotation",
			page:  `<body><article>` + para("Intro.") + `<blockquote class="twitter-tweet"><p>Big news today for the city council and everyone who lives here.</p>— Mayor (@mayor) <a href="https://twitter.com/mayor/status/1">March 5, 2024</a></blockquote>` + para("End.") + `</article></body>`,
			prose: []string{"Big news today for the city council and everyone who lives here."},
		},
		{
			name:  "instagram post by its link",
			page:  `<body><article>` + para("Intro.") + `<blockquote><p>A day at the beach with the whole team and friends.</p><a href="https://www.instagram.com/p/Bx1/">A post shared by Team</a></blockquote>` + para("End.") + `</article></body>`,
			prose: []string{"A day at the beach with the whole team and friends."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			blocks, _ := findContent(doc, &metadata.Metadata{Language: tt.lang}, false)
			got := map[string]bool{}
			for _, b := range blocks {
				got[b.text] = b.quoted
			}
			for _, w := range tt.want {
				if _, ok := got[w]; !ok {
					t.Errorf("paragraph %q missing from %q", w, texts(blocks))
				}
			}
			for _, w := range tt.quoted {
				if q, ok := got[w]; !ok || !q {
					t.Errorf("paragraph %q: quoted %v, present %v; want a quotation", w, q, ok)
				}
			}
			for _, w := range tt.prose {
				if got[w] {
					t.Errorf("paragraph %q marked as a quotation", w)
				}
			}
		})
	}
}

func TestBlockquoteKinds(t *testing.T) {
	tests := []struct {
		name, quote string
		want        bool
	}{
		{"introduced by a colon", `<p>In a statement, the council president wrote:</p><blockquote><p>The budget is balanced and the reserves are intact, which is what the charter requires.</p></blockquote>`, true},
		{"attributed in a footer", `<blockquote><p>The budget is balanced and the reserves are intact, which is what the charter requires.</p><footer>— Maria Gomez</footer></blockquote>`, true},
		{"a summary box", `<blockquote><p>The budget is balanced and the reserves are intact, which is what the charter requires.</p></blockquote>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><body><article>` + para("Intro.") + tt.quote + para("End.") + `</article></body></html>`
			a, err := Extract([]byte(page), nil)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, q := range a.Quotes {
				found = found || strings.HasPrefix(q.Text, "The budget is balanced")
			}
			if found != tt.want {
				t.Errorf("blockquote found as a quotation: %v, want %v (%+v)", found, tt.want, a.Quotes)
			}
		})
	}
}

func texts(blocks []block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.text
	}
	return out
}

// short is a paragraph of story text under 300 bytes.
func short(s string) string {
	return "<p>" + s + " Officers searched the building, a spokesman said.</p>"
}

func TestQALostText(t *testing.T) {
	card := func(h string) string {
		return `<div class="embedded article"><ul><li class="flag"><h3><a href="/x">` + h + `</a></h3></li></ul></div>`
	}
	tests := []struct {
		name  string
		title string
		page  string
		want  []string
		not   []string
	}{
		{
			name: "related link cards between short paragraphs",
			page: `<body><article><div class="body">` + para("Intro.") + short("One.") + card("Man Shot at Gas Station Dies at Hospital") + short("Two.") + short("Three.") +
				card("Three Hospitalized After Wrong-Way Crash") + short("Four.") + short("Five.") + card("City May Sell Fertilizer Made From Waste") + short("Six.") + short("Seven.") +
				card("New Safety Rules Issued After Flight") + short("Eight.") + `</div></article></body>`,
			want: []string{"Intro.", "One.", "Two.", "Five.", "Seven.", "Eight."},
			not:  []string{"Man Shot", "Safety Rules"},
		},
		{
			name: "the only article in a modal box",
			page: `<body><div id="app" aria-hidden="true"><nav><a href="/">Home</a> <a href="/news">News</a></nav>` + para("Hidden copy one.") + para("Hidden copy two.") + para("Hidden copy three.") + `</div>` +
				`<div id="render-target-modal" class="modal-open">` + `<h1>Space ship breaks up</h1>` + para("Intro.") + strings.Repeat(para("More."), 8) + para("Body.") + `</div></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Hidden copy"},
		},
		{
			name: "a small modal is still a popup",
			page: `<body><article>` + para("Intro.") + para("Body.") + para("End.") + `</article>` +
				`<div class="modal"><p>Sign up for our newsletter and get the best stories of the week delivered to you.</p></div></body>`,
			want: []string{"Intro.", "End."},
			not:  []string{"Sign up"},
		},
		{
			name: "short post beside a long list of posts",
			page: `<body><div id="primary"><article class="post"><h1>Only the one who loves</h1><div><a href="/s">Share</a></div>` +
				`<p>Living a true love is one of the great pleasures of life, and liking is feeling with the soul, but telling it depends on each one of us and on what we make of it, day after day, until the end</p></article>` +
				`<article class="post"><h3>You may also like</h3>` +
				`<article class="post">` + para("Hope asks courage of us.") + `</article>` +
				`<article class="post">` + para("Family is love.") + `</article>` +
				`<article class="post">` + para("Gratitude is in details.") + `</article>` +
				`<article class="post">` + para("Faith is strength.") + `</article></article></div></body>`,
			want: []string{"Living a true love"},
			not:  []string{"Hope asks", "Family is love", "Gratitude"},
		},
		{
			name: "first list item after a kept intro line",
			page: `<body><article><p>Running stats can be raised with codes</p><ul><li>speed mult x100</li><li>player.setav health * .</li><li>player.setav stamina *</li></ul>` + para("Body.") + `</article></body>`,
			want: []string{"Running stats can be raised", "speed mult x100", "player.setav health"},
		},
		{
			name: "kicker before the first paragraph still dropped",
			page: `<body><article><p>Politics</p>` + para("Intro.") + para("Body.") + `</article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Politics"},
		},
		{
			name: "teaser cards at the end still dropped",
			page: `<body><article>` + para("Intro.") + para("Body.") + `<div class="more">` +
				`<div class="card"><h3><a href="/a">Council delays vote on the transit plan</a></h3><p>The vote moves to May.</p></div>` +
				`<div class="card"><h3><a href="/b">Mayor proposes a new parks fund</a></h3><p>Five parks would get money.</p></div>` +
				`<div class="card"><h3><a href="/c">School board picks a new leader</a></h3><p>She starts in June.</p></div></div></article></body>`,
			want: []string{"Intro.", "Body."},
			not:  []string{"Council delays", "The vote moves", "She starts"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, removed := runContent(t, tt.page, tt.title)
			body := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("missing %q in body:\n%s\nremoved: %+v", w, body, removed)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("unwanted %q in body:\n%s", w, body)
				}
			}
		})
	}
}

func TestMetaLine(t *testing.T) {
	pub := time.Date(2015, 5, 4, 13, 36, 0, 0, time.UTC)
	authors := []string{"Martin Untersinger"}
	tests := []struct {
		in   string
		want bool
	}{
		{"Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", true},
		{"By Jane Roe | May 4, 2015", true},
		{"Martin Untersinger · 4 mai 2015", true},
		{"Paris | Martin Untersinger", false},                                  // no date
		{"Sports | May 4, 2015", false},                                        // no byline
		{"The vote was 438 to 86 | the law passed on May 4, 2015", false},      // no byline
		{"Martin Untersinger wrote on May 4, 2015 that the law passed", false}, // no separators
	}
	for _, tt := range tests {
		if got := isMetaLine(tt.in, authors, pub); got != tt.want {
			t.Errorf("isMetaLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAppealWording(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"[What you need to know to start the day: Get New York Today in your inbox.]", ruleAppeal},
		{"Get the best of the week in your inbox every Sunday", ruleAppeal},
		{"Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.", ruleAppeal},
		{"Scam emails that land in your inbox often look real, experts warn.", ""},
		{"Here is how spammers get past the filters and into your inbox every day.", ""},
		{"Zuckerberg's comments on content moderation drew criticism from lawmakers.", ""},
		{"Kunden erhalten dann eine E-Mail in ihr Postfach, sagte der Sprecher.", ""},
		{"Spam filters get better at keeping junk out of your inbox, the company said.", ""},
	}
	for _, tt := range tests {
		if got := wordingRule(tt.in); got != tt.want {
			t.Errorf("wordingRule(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCaptionsAndNotices(t *testing.T) {
	credits := []struct {
		in   string
		want bool
	}{
		{"личный архив Олеси Куприн", true},
		{"Фото: из личного архива героини", true},
		{"Photo: private collection", true},
		{"Reuters ©", true},
		{"1 of 6", true},
		{"1 - 5 of 36", true},
		{"Photo 3 of 12", true},
		{"Crédit photo : AFP", true},
		{"Imagen: EFE", true},
		{"Crédito: Divulgação", true},
		{"Courtesy of NASA", true},
		{"Image source, Getty Images", true},
		{"Media caption, The prime minister spoke outside Downing Street", true},
		{"Media coverage of the trial was intense, lawyers said.", false},
		{"Courtesy of the new law, drivers can renew online.", false},
		{"Imagine a city without cars, the mayor said.", false},
		{"Личный архив писателя передали музею в 2015 году.", false},
		{"The score was 1 of 6 attempts, the coach said.", false},
	}
	for _, tt := range credits {
		if got := isCredit(tt.in); got != tt.want {
			t.Errorf("isCredit(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	notices := []struct {
		in   string
		want string
	}{
		{"Caption", ruleNotice},
		{"Close", ruleNotice},
		{"Hide caption", ruleNotice},
		{"ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.", ruleNotice},
		{"Comments are moderated and will be published after review.", ruleNotice},
		{"Les commentaires sont modérés.", ruleNotice},
		{"Close to 200 people attended the meeting on Tuesday.", ""},
		{"The comments he made were widely criticised.", ""},
	}
	for _, tt := range notices {
		if got := wordingRule(tt.in); got != tt.want {
			t.Errorf("wordingRule(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAltTextCaption(t *testing.T) {
	page := `<body><article>` + para("Intro.") + `<div class="img"><img src="a.jpg" alt="Inverted 'T' design for arrow keys"></div><br><span class="minor">Inverted 'T' design for arrow keys</span>` +
		para("Body.") + `<h2>Keyboard</h2>` + para("End.") + `</article></body>`
	got, _ := runContent(t, page, "")
	body := strings.Join(got, "\n")
	if strings.Contains(body, "Inverted") {
		t.Errorf("alt-text caption kept:\n%s", body)
	}
	if !strings.Contains(body, "Keyboard") || !strings.Contains(body, "Body.") {
		t.Errorf("text lost:\n%s", body)
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Opinion | Republicans Are Following Trump to Nowhere - The New York Times", "Opinion | Republicans Are Following Trump to Nowhere"},
		{"New SUVs and electric vehicles highlight L.A. Auto Show - Connecticut Post", "New SUVs and electric vehicles highlight L.A. Auto Show"},
		{"Le projet de loi sur le renseignement adopté | Le Monde", "Le projet de loi sur le renseignement adopté"},
		{"Russia Says Syrian Opposition Should Seek Dialogue", "Russia Says Syrian Opposition Should Seek Dialogue"},
		{"Storm hits the coast - thousands without power", "Storm hits the coast - thousands without power"},
		{"Ten things - Part 2", "Ten things - Part 2"}, // the head is too short to stand alone
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.in); got != tt.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractTextPageScrape(t *testing.T) {
	long := "Americans have gone to the polls four times this month to vote in major statewide races, and in each case the president tied himself to the outcome, telling voters that a win would be a win for him and a loss a loss for the other side."
	text := strings.Join([]string{
		"Opinion | Republicans Are Following Trump to Nowhere - The New York Times",
		"Sections", "SEARCHSkip to contentSkip to site index", "Log In", "Today’s Paper", "Subscribe",
		"AdvertisementContinue reading the main story",
		"Republicans Are Following Trump to Nowhere",
		"By Jamelle Bouie", "Opinion Columnist",
		"Trump asked voters in Louisiana for a big win. He didn’t get it.Credit...Doug Mills/The New York Times",
		long, "“You gotta give me a big win please,” he said later. “Please.”", long,
		"AdvertisementContinue reading the main story", "Site Index", "Go to Home Page »", "news", "home page", "world", "U.S.", "politics",
	}, "\n\n")
	a, err := ExtractText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Republicans Are Following Trump to Nowhere" {
		t.Errorf("title %q", a.Title)
	}
	paras := strings.Split(a.Body, "\n\n")
	want := []string{long, "“You gotta give me a big win please,” he said later. “Please.”", long}
	if strings.Join(paras, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n%s", strings.Join(paras, "\n"))
	}
}

func TestExplainLabels(t *testing.T) {
	page := `<html><head><title>Council approves budget | Daily Planet</title></head><body><header><nav><a href="/">Home</a> <a href="/n">News</a></nav></header>
<h1>Council approves budget</h1><main><article><header><h2>Council approves budget after a long debate</h2><p class="byline">By Lois Lane</p></header>` +
		para("Intro.") + para("Body.") + `</article></main></body></html>`
	a, err := Extract([]byte(page), &Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, r := range a.Removed {
		rules[r.Text] = r.Rule
	}
	for text, want := range map[string]string{
		"Home News":               rulePageHeader,
		"Council approves budget": ruleHeadline,
		"Council approves budget after a long debate By Lois Lane": ruleArticleHeader,
	} {
		if rules[text] != want {
			t.Errorf("%q removed as %q, want %q (all: %v)", text, rules[text], want, rules)
		}
	}
}

func TestConsentDialogOverHiddenPage(t *testing.T) {
	page := `<body><div id="app" aria-hidden="true">` + para("Intro.") + para("Body.") + para("End.") + `</div>` +
		`<div class="modal" role="dialog"><p>We and our partners use cookies to store and access information on your device for ads, measurement and personalisation.</p></div></body>`
	got, _ := runContent(t, page, "")
	body := strings.Join(got, "\n")
	if strings.Contains(body, "cookies") || !strings.Contains(body, "Intro.") {
		t.Errorf("body:\n%s", body)
	}
}

func TestLiveBlogEntriesKept(t *testing.T) {
	entry := func(s string) string { return `<article class="entry">` + para(s) + para(s+" Again.") + `</article>` }
	page := `<body><div class="header"><h1>Election night live</h1><p>Follow the results as they come in across the country tonight, with reports from our correspondents in every state and analysis.</p></div>` +
		`<div class="live">` + entry("First update.") + entry("Second update.") + entry("Third update.") + `</div></body>`
	got, _ := runContent(t, page, "Election night live")
	body := strings.Join(got, "\n")
	for _, w := range []string{"First update.", "Second update.", "Third update."} {
		if !strings.Contains(body, w) {
			t.Errorf("missing %q:\n%s", w, body)
		}
	}
}

func TestItalicCaptionUnderImage(t *testing.T) {
	page := `<body><article>` + para("Intro.") + `<p><img src="a.jpg" width="600"></p><p><em>The hand is protecting the slot from the robots.</em></p>` + para("Body.") +
		`<p><img src="b.jpg"></p><p><em>“Why are we talking about leadership?”</em></p>` +
		`<p><img src="icon.png" width="16"> <em>Note: the vote is on Tuesday.</em></p>` + para("End.") + `</article></body>`
	got, _ := runContent(t, page, "")
	body := strings.Join(got, "\n")
	if strings.Contains(body, "The hand is protecting") {
		t.Errorf("caption kept:\n%s", body)
	}
	for _, w := range []string{"Why are we talking", "Note: the vote", "Body.", "End."} {
		if !strings.Contains(body, w) {
			t.Errorf("missing %q:\n%s", w, body)
		}
	}
}

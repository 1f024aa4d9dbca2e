package quotes

import "strings"

// Word lists used by the attribution and coreference rules. They describe
// English news prose in general (reporting verbs, titles, organisation
// words); none is tied to a particular article or site.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueForms maps every inflected form of a reporting verb to whether it is a
// participle ("saying", "adding"), which takes the subject of its clause.
var cueForms = func() map[string]cueForm {
	m := make(map[string]cueForm)
	// base, third person, past, participle
	for _, line := range []string{
		"say says said saying",
		"tell tells told telling",
		"add adds added adding",
		"write writes wrote writing",
		"ask asks asked asking",
		"tweet tweets tweeted tweeting",
		"testify testifies testified testifying",
		"explain explains explained explaining",
		"comment comments commented commenting",
		"note notes noted noting",
		"argue argues argued arguing",
		"urge urges urged urging",
		"warn warns warned warning",
		"announce announces announced announcing",
		"describe describes described describing",
		"accuse accuses accused accusing",
		"claim claims claimed claiming",
		"insist insists insisted insisting",
		"- - stated -",
		"recall recalls recalled recalling",
		"reply replies replied replying",
		"conclude concludes concluded concluding",
		"acknowledge acknowledges acknowledged acknowledging",
		"admit admits admitted admitting",
		"remark remarks remarked remarking",
		"observe observes observed observing",
		"assure assures assured assuring",
		"call calls called calling",
		"view views viewed viewing",
		"stress stresses stressed stressing",
		"emphasize emphasizes emphasized emphasizing",
		"emphasise emphasises emphasised emphasising",
		"declare declares declared declaring",
		"concede concedes conceded conceding",
		"suggest suggests suggested suggesting",
		"predict predicts predicted predicting",
		"caution cautions cautioned cautioning",
		"respond responds responded responding",
		"joke jokes joked joking",
		"quip quips quipped quipping",
		"report reports reported reporting",
		"remember remembers remembered remembering",
		"introduce introduces introduced introducing",
		"confirm confirms confirmed confirming",
		"complain complains complained complaining",
		"deny denies denied denying",
		"reveal reveals revealed revealing",
		"vow vows vowed vowing",
		"promise promises promised promising",
		"pledge pledges pledged pledging",
		"boast boasts boasted boasting",
		"lament laments lamented lamenting",
		"recount recounts recounted recounting",
		"demand demands demanded demanding",
		"plead pleads pleaded pleading",
		"shout shouts shouted shouting",
		"scream screams screamed screaming",
		"yell yells yelled yelling",
		"whisper whispers whispered whispering",
		"exclaim exclaims exclaimed exclaiming",
		"muse muses mused musing",
		"counter counters countered countering",
		"retort retorts retorted retorting",
		"reiterate reiterates reiterated reiterating",
		"affirm affirms affirmed affirming",
		"allege alleges alleged alleging",
		"assert asserts asserted asserting",
		"contend contends contended contending",
		"maintain maintains maintained maintaining",
		"depict depicts depicted depicting",
		"post posts posted posting",
		"write writes written writing",
		"continue continues continued continuing",
		"agree agrees agreed agreeing",
		"criticize criticizes criticized criticizing",
		"criticise criticises criticised criticising",
		"praise praises praised praising",
		"read reads - -",
		"begin begins began -",
		"- - - according",
		"point points pointed pointing",
		"weigh weighs weighed weighing",
		"chime chimes chimed chiming",
		"put puts - putting",
		"chant chants chanted chanting",
		"beg begs begged begging",
		"cry cries cried crying",
		"text texts texted texting",
		"email emails emailed emailing",
		"message messages messaged messaging",
		"hint hints hinted hinting",
		"estimate estimates estimated estimating",
		"advise advises advised advising",
		"recommend recommends recommended recommending",
		"propose proposes proposed proposing",
		"speculate speculates speculated speculating",
		"elaborate elaborates elaborated elaborating",
		"clarify clarifies clarified clarifying",
		"confess confesses confessed confessing",
		"rebut rebuts rebutted rebutting",
		"brag brags bragged bragging",
		"tease teases teased teasing",
		"reason reasons reasoned reasoning",
		"reflect reflects reflected reflecting",
		"wonder wonders wondered wondering",
		"implore implores implored imploring",
		"swear swears swore swearing",
		"threaten threatens threatened threatening",
		"gasp gasps gasped gasping",
		"sigh sighs sighed sighing",
		"laugh laughs laughed laughing",
		"scoff scoffs scoffed scoffing",
		"gush gushes gushed gushing",
		"proclaim proclaims proclaimed proclaiming",
		"mutter mutters muttered muttering",
		"interject interjects interjected interjecting",
		"summarize summarizes summarized summarizing",
		"summarise summarises summarised summarising",
		// the commonest reporting verbs of other news languages
	} {
		f := strings.Fields(line)
		for i, w := range f {
			if w == "-" {
				continue
			}
			m[w] = cueForm{participle: i == 3}
		}
	}
	for w := range foreignCues {
		m[w] = cueForm{foreign: true}
	}
	for w := range foreignNounLike {
		m[w] = cueForm{foreign: true}
	}
	for w := range accordingWords {
		m[w] = cueForm{}
	}
	return m
}()

// cueForm describes a reporting verb form: a participle ("saying") takes
// the subject of its clause; a foreign form (French, Spanish, German …)
// may follow an auxiliary ("a déclaré") and is never an English noun.
type cueForm struct{ participle, foreign bool }

// cueParticles are verbs that need a following particle to report speech
// ("pointed out", "weighed in", "chimed in", "according to").
var cueParticles = map[string]string{
	"point": "out", "points": "out", "pointed": "out", "pointing": "out",
	"weigh": "in", "weighs": "in", "weighed": "in", "weighing": "in",
	"chime": "in", "chimes": "in", "chimed": "in", "chiming": "in",
	"put": "it", "puts": "it", "putting": "it",
}

// cueNeedsQuote lists forms that report speech only when they introduce a
// quotation directly (they are too common as ordinary verbs otherwise).
var cueNeedsQuote = set("called nannte nennt bezeichnete calificó califica calificado qualifié qualifie definisce definito parla continue continues continued continuing agree agrees agreed agreeing begin begins began read reads call calls calling view viewing post posts posted posting remember remembers remembering introduce introduces introducing " +
	"estimate estimates estimated estimating advise advises advised recommend recommends recommended propose proposes proposed reason reasons reasoned reflect reflects reflected laugh laughs laughed laughing cry cries cried crying threaten threatens threatened swear swears swore text texts texted message messages messaged tease teases teased wonder wonders wondered")

// nounLike lists cue forms that are more often nouns; they count as verbs
// only right after a name or pronoun, or right after a quotation.
var nounLike = set("notes comments claims reports views calls posts remarks tweets demands promises counters praise post report claim comment note call view demand promise remark tweet " +
	"text texts email emails message messages estimate estimates reason reasons cries cry laugh laughs sigh sighs gasp gasps hint hints threaten")

var pronouns = set("he she they it we i you")

var personPronouns = map[string]string{"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "hers": "f"}

var auxiliaries = set("has have had was is were are be been will would could can did does do may might shall should must also previously later separately then again recently once still further even already often repeatedly just never not only first initially later earlier quickly simply publicly privately reportedly twice already never ever always both all instead first finally flat-out outright")

// clauseWords end a leftward walk for a subject noun phrase.
var clauseWords = set("aunque quoique embora obwohl sebbene cuando quand quando wenn que qui dont quien dass che что который которая которые et y und mais pero aber но that which who whom whose what when where while whereas and but or nor because if although though since so than as then after before until unless once whether however meanwhile yet while whom despite")

// functionWords follow a quoted phrase in ordinary syntax; a quoted phrase
// followed by any other lower-case word is used as a modifier or name.
var functionWords = set("as for to of in on at and or but that which who whom from with by is was are were will would has have had can could should may might must than because if when while about after before into over under since until despite during through against without within among between like unlike be been being not also it its he she they we you i this these those there here so yet nor amid per via toward towards upon onto off out up down instead rather even just only then again said says say told tells added adds according wrote writes asked asks")

var determiners = set("the a an its their his her our your my this that these those")

// isDeterminer is determiners[w], ruling most words out by their first
// byte before the lookup (it is asked of every word).
func isDeterminer(w string) bool {
	return w != "" && determinerFirst[w[0]] && determiners[w]
}

var determinerFirst = firstBytes(determiners)

// firstBytes returns the table of the first bytes of the words of m.
func firstBytes(m map[string]bool) (t [256]bool) {
	for w := range m {
		if w != "" {
			t[w[0]] = true
		}
	}
	return t
}

// sentenceStarters are capitalised only because they open a sentence; they
// never begin a name.
var sentenceStarters = set("the a an in on at but and or so if as when while after before during since though although because yet still however meanwhile then now also thus this that these those there here it its he she they we i you his her their our my your what which who whom why how where with without for from by to of into over under about among between earlier later later, last next first finally instead indeed moreover besides further furthermore according following given noting unlike like upon once despite even just only both either neither each every all some many most few several such no not nor one two three four five six seven eight nine ten maybe perhaps")

// titleWords are stripped from the front of a person's name (the scorer and
// the guideline keep names without ranks, offices or honorifics).
var titleWords = set("president vice secretary press minister deputy foreign prime attorney general administrator senator sen sen. rep rep. representative gov gov. governor mayor ceo cfo coo cto chairman chairwoman chair chairperson director judge justice dr dr. mr mr. mrs mrs. ms ms. miss mx prof prof. professor rev rev. reverend lt lt. col col. gen gen. maj maj. capt capt. captain sgt sgt. cpl adm adm. admiral ambassador chief executive officer commissioner leader team senior host coach manager editor founder co-founder spokesman spokeswoman spokesperson analyst agent detective inspector sheriff chancellor state former acting interim associate assistant speaker congressman congresswoman councilman councilwoman councillor councilor councilmember alderman alderwoman assemblyman assemblywoman assemblymember lawmaker ministerin präsident präsidentin kanzler kanzlerin sprecher sprecherin ministre président présidente presidente ministro ministra portavoz porta-voz sir dame lord lady superintendent commander general lieutenant colonel major sergeant corporal officer u.s. us u.k. uk")

// royalTitles are part of the usual name ("Prince Andrew").
var royalTitles = set("prince princess king queen duke duchess pope sheikh emir sultan")

// nameParticles may sit inside a person's name.
var nameParticles = set("van der von de la le du da di del della den bin al ibn dos das ter ten")

// nameSuffixes may end a person's name.
var nameSuffixes = set("jr jr. sr sr. ii iii iv")

// orgWords mark a capitalised run as the name of an organisation.
var orgWords = set("ministerio ministère ministero ministério ministerium gobierno gouvernement governo regierung partido parti partito partei policía polizei polícia polizia universidad université università universidade universität tribunal tribunale gericht banco banque banca comisión commissione comité comitato consejo conseil consiglio conselho ayuntamiento mairie comune prefeitura sindicato syndicat sindacato gewerkschaft empresa entreprise azienda agencia agence agenzia agência agentur instituto institut istituto fundación fondation fondazione fundação stiftung asociación associazione associação verband federación fédération federazione министерство мид правительство партия компания суд полиция банк совет комитет агентство ministry department office agency administration council committee commission company co co. corp corp. corporation inc inc. ltd ltd. llc plc group productions police party house university institute association bank government court board bureau service services times post news daily journal network foundation union federation organization organisation center centre laboratory army navy force forces guard senate congress parliament assembly league club team fund authority authorities embassy kremlin commerce reserve exchange systems technologies media studios records label airlines motors industries holdings partners press school college hospital clinic society trust coalition alliance cooperative co-operative consortium council's ministry's department's office's agency's company's")

// orgNouns are heads of descriptive phrases that name an organisation
// ("the ministry", "the company").
var orgNouns = set("alliance coalition association league cooperative co-operative consortium society authority military army navy ministry department office agency administration council committee commission company corporation firm group label government court board bureau service newspaper paper website site network foundation union federation organization organisation institute university team club party police campaign embassy studio broadcaster publisher retailer carrier airline bank regulator")

// roleNouns are heads of descriptive phrases that stand for a named person
// introduced with that role ("the minister", "the actor").
var roleNouns = set("actor actress singer guitarist drummer rapper musician artist star minister ambassador spokesman spokeswoman spokesperson analyst president ceo executive commander official lawyer attorney coach player founder chairman chairwoman director manager governor senator congressman congresswoman lawmaker judge doctor physician scientist researcher professor envoy diplomat officer chief leader secretary prosecutor economist strategist investor trader author writer editor reporter host comedian athlete captain quarterback striker midfielder goalkeeper pitcher forward defender politician candidate mayor premier chancellor monarch prince princess king queen pope bishop priest rabbi imam teacher student expert adviser advisor consultant administrator commissioner inspector detective sheriff agent geologist astronaut engineer designer entrepreneur billionaire businessman businesswoman mogul boss owner producer filmmaker director-general head")

// personNouns are heads of descriptive phrases for people who can be the
// source of a quotation without a name ("the victim's mother", "officers").
var personNouns = set("aide aides insider insiders man woman men women boy girl boys girls mother father son daughter wife husband brother sister child children kid kids parent parents people person persons official officials officer officers police resident residents family families friend friends neighbour neighbor neighbours neighbors witness witnesses victim victims source sources author authors researcher researchers scientist scientists expert experts analyst analysts protester protesters protestor protestors student students voter voters fan fans critic critics lawmaker lawmakers prosecutor prosecutors investigator investigators doctor doctors nurse nurses worker workers employee employees staff spokesman spokeswoman spokesperson member members leader leaders agent agents manager managers executive executives teacher teachers users customers patient patients americans citizens supporters opponents activists organizers organisers organiser organizer")

// timeWords open sentences as adverbials ("Last week, …").
var timeWords = set("last this next earlier later today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday now then recently meanwhile afterward afterwards previously subsequently currently")

// slogansWords announce a slogan, title or nickname rather than a quotation.
var slogansWords = set("slogan slogans tagline taglines motto mottos catchphrase nickname nicknamed dubbed hashtag headline headlined titled entitled")

// abbreviations keep their period inside a word token.
var abbreviations = set("mr mrs ms dr prof sen rep gov lt col gen capt sgt maj adm rev hon pres supt st jr sr co corp inc ltd no vol jan feb mar apr jun jul aug sep sept oct nov dec vs etc ave mt ft messrs mme mlle univ dept est approx fig")

// sentenceFinalAbbr can end a sentence.
var sentenceFinalAbbr = set("jr. sr. inc. ltd. co. corp. etc. a.m. p.m.")

// prepositions that open a sentence with an adverbial phrase.
var prepositions = set("in on at after before during since for from with by under over among between following despite upon through throughout within without amid across behind beyond near")

// docNouns are documents whose author is the source ("a report from X").
var docNouns = set("agreement report statement letter note release email e-mail post tweet study survey memo filing document analysis message")

var irregularPlurals = set("men women people children police staff folks")

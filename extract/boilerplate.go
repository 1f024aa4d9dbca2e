package extract

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"byline/internal/fastre"
)

// This file holds the wording of boilerplate, shared by the HTML and the
// plain-text extractors, and the class/id hints of boilerplate elements.
// Every rule is about wording or markup that news sites in general use;
// none is keyed to one site.

// Rule names reported in Removal.Rule.
const (
	ruleAppeal        = "boilerplate:appeal"     // donation, subscription, newsletter, paywall
	ruleReadMore      = "boilerplate:read-more"  // "Read more: …", "Related: …" lines
	ruleRelated       = "boilerplate:related"    // related / more from / most read lists
	ruleTeaser        = "boilerplate:teaser"     // teaser cards (a weak hint: some sites call the lede a teaser)
	ruleShare         = "boilerplate:share"      // share rows
	ruleAd            = "boilerplate:ad"         // advertisement labels and slots
	ruleCookie        = "boilerplate:cookie"     // cookie and consent banners
	ruleComments      = "boilerplate:comments"   // comment sections
	ruleBio           = "boilerplate:bio"        // author bio boxes
	ruleTags          = "boilerplate:tags"       // tag lists
	ruleCopyright     = "boilerplate:copyright"  // copyright lines
	ruleSidebar       = "boilerplate:sidebar"    // sidebars and widgets
	rulePopup         = "boilerplate:popup"      // modals and overlays
	ruleMeta          = "boilerplate:meta"       // article meta rows
	ruleNotice        = "boilerplate:notice"     // "requires JavaScript", "Leave a comment", "Tags: …"
	ruleByline        = "byline"                 // "By Jane Doe"
	ruleDate          = "date"                   // a date line
	ruleCaption       = "caption"                // figure captions and photo credits
	ruleTitle         = "title-repeat"           // the headline repeated in the body
	ruleLinks         = "link-density"           // mostly links
	ruleLowScore      = "low-score"              // outside the main content
	ruleHidden        = "hidden"                 // hidden elements
	ruleNav           = "nav"                    // navigation
	rulePageHeader    = "page-header"            // the page's header
	ruleArticleHeader = "article-header"         // the article's own header (headline, byline, date)
	ruleHeadline      = "title"                  // the headline, outside the article's text
	rulePageFooter    = "page-footer"            // the page's footer
	ruleAside         = "aside"                  // aside elements
	ruleForm          = "form"                   // forms
	ruleEdge          = "edge"                   // non-sentence text at the edges (plain text)
	ruleTailAppeal    = "boilerplate:appeal-run" // the rest of an appeal at the tail
	ruleSeparator     = "separator"              // a line of rule characters: "___", "* * *"
)

// Wording rules. A rule applies to a whole block of text (a paragraph, a
// list item, a heading). "label" patterns must match the whole block (short
// UI texts); "prefix" patterns a block that starts with the phrase and is
// short; "phrase" patterns anywhere in a block of limited length.

// readMoreLabels are the labels of links to other articles, in the main
// news languages. They match a whole block, optionally with a colon or an
// ellipsis, or a block that starts with the label and a separator.
const readMoreLabels = `read more|more (?:great |top |recent |popular )?[^:.,]{0,30} stories|related [a-z ]{1,25}|read also|also read|read next|see also|related|related articles?|related stories|related content|related coverage|related news|related posts?|related reading|related links?|recommended|recommended for you|recommended reading|more from [^:]{1,40}|more on this( story| topic)?|more stories|more news|more:|most read|most popular|most viewed|trending|trending now|what to read next|continue|continue reading|click here|further reading|you may also like|you might also like|also on [^:]{1,30}|watch|watch now|listen|listen now|don't miss|don’t miss|` +
	// German
	`lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|weiterlesen|das könnte sie auch interessieren|mehr lesen|siehe auch|zum thema|` +
	// French
	`lire aussi|à lire aussi|a lire aussi|voir aussi|lire la suite|sur le même sujet|à voir aussi|lire plus|` +
	// Spanish
	`lea también|lee también|leer más|te puede interesar|ver también|le puede interesar|más información|noticias relacionadas|` +
	// Italian
	`leggi anche|leggi l'articolo|potrebbe interessarti|leggi tutto|articoli correlati|` +
	// Portuguese
	`leia também|leia mais|veja também|saiba mais|notícias relacionadas|` +
	// Russian
	`читайте также|читать далее|читайте ещё|читайте еще|смотрите также|по теме|подробнее|читать полностью`

// noticeLabels start comment invitations and tag or category lines.
const noticeLabels = `follow (?:us|him|her|them|me|the author)(?: on (?:twitter|facebook|instagram|x|linkedin|bluesky|threads)\b|\s*[:@]| @)|follow [^.]{1,60} on (?:facebook|twitter|instagram|x|linkedin|bluesky|threads)\b|have a (?:news )?tip\b|got a (?:news )?tip\b|tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|have your say|add (?:a )?comment|post a comment|comments? (?:are|is) closed|kommentar schreiben|laisser un commentaire|deja un comentario|lascia un commento|deixe um comentário|оставить комментарий|(?:tags?|categor(?:y|ies|ia|ie|ía|ias)|filed under|schlagwörter|stichworte|étiquettes|etiquetas|argomenti|temas|теги|рубрика)\s*:`

// adLabels are the labels of advertisement slots.
const adLabels = `advertisement\s*[-–—:|]?\s*(?:continue reading below|continue reading the main story|scroll to continue(?: with content)?|story continues below)|advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|promoted|partner content|anzeige|werbung|publicité|publicite|publicidad|pubblicità|publicidade|реклама|story continues below(?: advertisement)?|article continues below(?: this ad| advertisement)?|continue reading (?:the main story|below)|scroll to continue(?: with content)?|skip advert(?:isement)?`

// creditLabels start photo credits.
const creditLabels = `photo|photograph|image|picture|video|graphic|illustration|photo credit|image credit|credit|credits|source|foto|bild|fotos|quelle|bildquelle|grafik|crédit|crédits|crédit photo|crédits photo|crédito|créditos|credito|imagen|imagem|immagine|ilustración|ilustração|fuente|fonte|фото|источник`

var (
	reReadMoreLabel  = fastre.MustCompile(`^(?:` + readMoreLabels + `)\s*[:.…»›>\-–—|]*\s*$`)
	reReadMorePrefix = fastre.MustCompile(`^(?:` + readMoreLabels + `)\s*(?:[:…»›>|–—]|\.\.\.|\s-\s)`)

	// reAdLabel matches advertisement labels.
	reAdLabel = fastre.MustCompile(`^(?:` + adLabels + `)\s*[:.]?$`)

	// appealRules match donation, subscription, newsletter and paywall
	// appeals anywhere in a block of limited length (lower case). Each
	// pattern runs only on text that holds its key.
	appealRules = func() []appealRule {
		var rules []appealRule
		for _, r := range [][2]string{
			{"sign", `sign(?:ing)? up (?:for|to) (?:our|the|a|their)\b[^.]{0,60}(?:newsletter|briefing|digest|alert|email)`},
			{"newsletter", `(?:subscribe|register|join|signup) (?:to|for) (?:our|the)\b[^.]{0,40}newsletter|newsletters?\b[^.]{0,40}(?:inbox|sign up|subscribe)`},
			{"briefing", `(?:subscribe|register|join|signup) (?:to|for) (?:our|the)\b[^.]{0,40}briefing|briefings?\b[^.]{0,40}(?:inbox|sign up|subscribe)`},
			{"your ", `(?:delivered|straight|direct(?:ly)?|right) (?:to|in|into|through) your (?:inbox|letterbox|mailbox|door)|in your inbox every|we need your (?:help|support)|your support,? (?:no matter how small|helps|makes|matters|is vital|is crucial)|you've reached your (?:free )?(?:article )?limit|start your (?:free )?trial`},
			{"issues for", `\d+ issues for`},
			{"journalism", `support (?:our|independent|quality|local|fearless|trusted|public.interest) journalism`},
			{"support us", `support us (?:monthly|today|now|from)|please support us`},
			{"donat", `make a donation|please donate (?:now|today|to (?:us|our)\b)|donate (?:now|today)\b`},
			{"become a", `become a (?:member|subscriber|supporter|patron)\b`},
			{"small favo", `we have a small favou?r to ask`},
			{"subscri", `subscribe (?:now|today|for just|for only|for \$|to continue|to read|to unlock)|already (?:a )?(?:subscriber|member|registered)|(?:this (?:article|story|content) is|are) (?:for|only available to|exclusive to|reserved for) subscribers`},
			{"members", `already (?:a )?member|(?:this (?:article|story|content) is|are) (?:for|only available to|exclusive to|reserved for) members`},
			{"continue", `to continue reading|(?:log|sign) in to continue`},
			{"in to read", `(?:log|sign) in to read`},
			{"free account", `create a free account`},
			{"unlock", `unlock (?:this|unlimited|full) `},
			{"you have", `you have (?:\d+|one|two|three) (?:free )?(?:articles?|stories) (?:left|remaining)`},
			{"unlimited", `get unlimited (?:digital )?access`},
			// German, French, Spanish, Italian, Portuguese, Russian
			{"subscribe to", `subscribe to [^.]{1,40} and (?:stay|get|support|never|enjoy)`},
			{"if you", `if you (?:enjoyed|liked|like|value|appreciate|found) (?:this|our|reading)\b[^.]{0,60}(?:please|consider|support|subscribe|donat|join|proposition)`},
			{"abonn", `newsletter abonnieren|jetzt abonnieren|abonnez-vous`},
			{"recev", `recev\w*\b[^.]{0,80}dans votre boîte (?:mail|e-mail|aux lettres|de réception)`},
			{"postfach", `(?:newsletter|direkt|bequem|jeden (?:morgen|tag|abend))\b[^.]{0,80}(?:in ihr(?:em)?|ins) (?:e-mail-)?postfach`},
			{"recib", `recib\w*\b[^.]{0,80}en tu (?:bandeja de entrada|correo)`},
			{"ricev", `ricev\w*\b[^.]{0,80}nella tua (?:casella|email|posta)`},
			{"receb", `receb\w*\b[^.]{0,80}(?:no seu e-mail|na sua caixa de entrada)`},
			{"unterstütz", `jetzt unterstützen|unterstützen sie (?:uns|unabhängigen)`},
			{"melden sie sich", `melden sie sich (?:jetzt )?(?:für|zum) (?:unseren )?newsletter`},
			{"inscrivez", `inscrivez-vous à (?:notre|la) newsletter`},
			{"souten", `soutenez (?:notre|le|la) (?:journalisme|rédaction|presse)`},
			{"un don", `faites un don`},
			{"suscr", `suscr[íi]bete|suscríbase`},
			{"apoya", `apoya (?:nuestro|el) periodismo`},
			{"hazte", `hazte socio`},
			{"iscriv", `iscriviti alla newsletter`},
			{"abbona", `abbonati`},
			{"sostieni", `sostieni (?:il|la|il nostro) (?:giornalismo|informazione)`},
			{"assine", `assine (?:já|agora|a newsletter)`},
			{"apoie", `apoie o jornalismo`},
			{"подпи", `подпишитесь|подписывайтесь`},
			{"поддерж", `поддержите (?:нас|редакцию|независим)`},
			{"пожертв", `пожертвова`},
		} {
			rules = append(rules, appealRule{key: r[0], re: fastre.MustCompile(r[1])})
		}
		return rules
	}()

	// reNotice matches notices of the page's machinery, comment invitations
	// and meta lines ("Posted by … in …", "Tags: …").
	reNoticeStart = fastre.MustCompile(`^(?:` + noticeLabels + `)`)
	noticeRules   = []appealRule{
		{"javascript", fastre.MustCompile(`requires? javascript|enable javascript|javascript is (?:disabled|required|turned off)`)},
		{"your browser", fastre.MustCompile(`your browser does not support`)},
		{"follow", fastre.MustCompile(`follow (?:him|her|them|us|me) (?:on (?:twitter|facebook|instagram|x|linkedin|bluesky|threads|mastodon)\b|@)`)},
		{"hear", fastre.MustCompile(`(?:we'd|we’d|we would|we want to|we'd love to|we’d love to) (?:like to )?hear (?:what you think|from you|your thoughts)`)},
		{"publ", fastre.MustCompile(`(?:published|publicado|publié|pubblicato|publicada) (?:by|por|par|da|em|in)\b.{0,80}(?:categor|tags?\b|filed)`)},
		{"posted", fastre.MustCompile(`posted (?:by|in|on)\b.{0,80}(?:categor|tag(?:s|ged)?\b|filed|comment)`)},
		{"veröffentlicht", fastre.MustCompile(`veröffentlicht (?:von|in)\b.{0,80}(?:kategor|tags?\b)`)},
	}

	// reGalleryLabel matches slide counters of photo galleries.
	reGalleryLabel = fastre.MustCompile(`^(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine|фото|слайд)\s*)?\d+\s*(?:[-–]\s*\d+\s*)?(?:of|/|von|de|sur|di|из)\s*(?:/\s*)?\d+$`)

	// reArchiveCredit matches credits of photos from a private collection.
	reArchiveCredit = fastre.MustCompile(`^(?:(?:photo|foto|фото)\s*:?\s*)?(?:(?:из )?личн(?:ый|ого) архив\pL*|(?:from )?(?:a |the )?(?:private|personal|family) (?:archive|collection|handout)|privatarchiv|archives? personnelles?|archives? privées?|archivo (?:personal|privado|familiar)|arquivo (?:pessoal|de família)|archivio (?:privato|personale))(?:[\s:,.]|$)`)

	// reUILabel matches the labels of gallery and media buttons, and of
	// the links of embedded posts ("View this post on Instagram").
	// The text of an embedded post stays: it is quoted content, often the
	// news itself, and the ScrapingHub gold keeps every embedded tweet
	// (17 on 9 pages; dropping them takes dev F1 from 0.989 to 0.985).
	reUILabel = fastre.MustCompile(`^(?:(?:(?:show|hide|view|toggle|open|close) )?caption|close|expand|collapse|enlarge(?: this)? image|enlarge|full ?screen|view (?:gallery|slideshow|all photos)|open gallery|previous|next|prev|zoom|play video|watch video|view (?:this )?(?:post|profile|video) on (?:instagram|facebook|tiktok|threads|x|twitter)|watch on (?:youtube|tiktok|vimeo)|legende|légende|schließen|fermer|cerrar|chiudi|fechar|закрыть)$`)

	// reCommentPolicy matches notes on how comments are moderated.
	reCommentPolicy = fastre.MustCompile(`(?:comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti|комментари\pL*)[^.]{0,120}(?:(?:are|is|will be) moderated|will (?:not )?be (?:approved|published|removed|deleted)|are reviewed before|não serão (?:aprovados|publicados)|serão (?:moderados|removidos)|no serán (?:aprobados|publicados)|serán moderados|seront modérés|sont modérés|ne seront pas publiés|werden moderiert|werden nicht (?:freigeschaltet|veröffentlicht)|saranno moderati|non saranno pubblicati|модерир\pL*|не будут опубликованы)|comment(?:ing)? (?:policy|guidelines)|community (?:guidelines|standards)\b[^.]{0,60}comment|we reserve the right to (?:remove|delete|edit)[^.]{0,40}comments?`)

	// reCookie matches cookie and consent notices.
	reCookie = fastre.MustCompile(`(?:we|this (?:site|website)|our (?:site|website)s?) uses? cookies|(?:use|accept|consent to) (?:the use of )?cookies|cookie (?:policy|settings|preferences)|utilise des cookies|verwendet cookies|utiliza cookies|utilizza(?:mo)? (?:i )?cookie|utiliza cookies|использует (?:файлы )?cookie`)

	// reShortcode matches WordPress shortcodes leaking into the text.
	reShortcode = fastre.MustCompile(`^\[[a-z_]+[ \]].*\[/[a-z_]+\]`)

	// reSupportHeadline matches short donation calls like "Support The
	// Times!" or "Support us".
	reSupportHeadline = fastre.MustCompile(`^(?:please )?(?:support|donate to|subscribe to|unterstützen sie|soutenez|apoya|sostieni|apoie|поддержите)\s+\S+(?:\s+\S+){0,5}\s*[!.]?$`)

	// reCopyrightStart matches "Copyright 2019 …", "Copyright © …".
	reCopyrightStart = fastre.MustCompile(`^copyright\s*(?:©|\(c\)|\d{4})`)

	// copyrightPhrases mark copyright lines.
	copyrightPhrases = []string{"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados", "все права защищены"}

	// reCreditStart and reCreditEnd match photo credits and caption
	// credits (on lower-case text; reCreditEnd on its last 100 bytes).
	reCreditStart = fastre.MustCompile(`^(?:(?:` + creditLabels + `)\s*(?:[:|]|by\b|credit\b|courtesy\b)|(?:image|media|video) (?:copyright|caption|source)\b)`)
	reCreditEnd   = fastre.MustCompile(`(?:\((?:[^()]{0,60}\b(?:photos?|images?|foto|picture|credit|getty|reuters|afp|ap|epa|shutterstock|istock)\b[^()]{0,60})\)|getty images|shutterstock|istockphoto|associated press|reuters|ap photo|epa-efe|dpa)\s*\)?\s*$`)

	// reWireCredit matches the credit lines of wire copy: "(Reporting by
	// …; Editing by …)".
	reWireCredit = fastre.MustCompile(`^[(\[]?(?:additional )?(?:reporting|writing|editing|compiled|produced|translated|research) by\b`)

	// reContribution matches the contribution lines at the foot of a story
	// (lower case): "Associated Press writer Jane Doe contributed to this
	// report.", "John Roe contributed reporting from Paris.", "Reporting
	// was contributed by …".
	reContribution = fastre.MustCompile(`contributed (?:to (?:this|the) (?:report|story|article)|(?:additional )?reporting\b|research\b)|^(?:additional )?reporting (?:was )?contributed by\b|\bwriters?\b[^.]{0,150}\bcontributed\.?$`)

	// reBylineStart matches "By Jane Doe" lines.
	reBylineStart = fastre.MustCompile(`^(?:(?:By|BY|by|Written by|Words by|Von|VON|Par|PAR|Por|POR|Автор|Текст):?\s+\p{Lu}|(?:Di|DI|Da|De|Dal|Dalla) \p{Lu}[\p{L}'’.-]+ \p{Lu})`)
	// reNotByline: "By The Numbers", "By This Time" are headings.
	reNotByline = fastre.MustCompile(`^(?:by|von|par|por):?\s+(?:the|this|that|these|those|a|an|then|now|contrast|comparison|far|way|default|design|chance|numbers)\b`)

	reDateLead = fastre.MustCompile(`^(?:published|updated|posted|last updated|last modified|first published|modified|created|date|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado|опубликовано|обновлено)\b`)

	// reShareWords are the words of share rows.
	shareWords = map[string]bool{
		"share": true, "shares": true, "sharing": true, "this": true, "article": true, "story": true, "post": true, "page": true, "on": true, "via": true, "tweet": true, "email": true, "e-mail": true, "mail": true, "print": true, "copy": true, "link": true, "url": true, "save": true, "comment": true, "comments": true,
		"facebook": true, "twitter": true, "x": true, "whatsapp": true, "linkedin": true, "reddit": true, "pinterest": true, "telegram": true, "messenger": true, "flipboard": true, "pocket": true, "tumblr": true, "vk": true, "vkontakte": true, "sms": true, "pin": true, "it": true, "google": true, "gmail": true, "bluesky": true, "threads": true, "mastodon": true, "instagram": true, "youtube": true, "follow": true, "us": true, "subscribe": true, "rss": true,
		"with": true, "a": true, "friend": true, "friends": true, "your": true, "like": true,
		"teilen": true, "drucken": true, "partager": true, "imprimer": true, "compartir": true, "imprimir": true, "condividi": true, "stampa": true, "compartilhe": true, "compartilhar": true, "поделиться": true, "печать": true, "close": true, "menu": true, "search": true, "loading": true, "likes": true, "bloggers": true, "be": true, "the": true, "first": true, "to": true,
	}
)

// labelFirstWords holds the first words of every label pattern above, so
// that most blocks skip the label regexps after one map look-up.
var labelFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for _, alts := range []string{readMoreLabels, adLabels, creditLabels, "please|support|donate|subscribe|unterstützen|soutenez|apoya|sostieni|apoie|поддержите|image|media"} {
		for alt := range strings.SplitSeq(alts, "|") {
			if w := firstWord(alt); w != "" {
				m[w] = true
			}
		}
	}
	return m
}()

// firstWord returns the leading letters of s (a lower-case text).
func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '\'' {
			return s[:i]
		}
	}
	return s
}

// wordingRule returns the rule name when the block's wording marks it as
// boilerplate, or "".
func wordingRule(t string) string {
	if len(t) > 600 {
		return ""
	}
	return wordingRuleLower(t, strings.ToLower(t))
}

// wordingRuleLower is wordingRule for a caller that has lower, the text in
// lower case, at hand (or "" for a text of over 600 bytes).
func wordingRuleLower(t, lower string) string {
	n := len(t)
	if n == 0 || n > 600 {
		return ""
	}
	if n <= 120 && isSeparator(t) {
		return ruleSeparator
	}
	// "AdvertisementContinue reading": labels glued together by a scrape.
	label := labelFirstWords[firstWord(lower)] || strings.HasPrefix(lower, "advertisement")
	if n <= 160 && !label {
		if isShareRow(lower) {
			return ruleShare
		}
	} else if n <= 160 {
		if reReadMoreLabel.MatchString(lower) {
			return ruleReadMore
		}
		if reAdLabel.MatchString(lower) {
			return ruleAd
		}
		if isShareRow(lower) {
			return ruleShare
		}
		if reSupportHeadline.MatchString(lower) && !strings.ContainsAny(t, ",;") {
			return ruleAppeal
		}
	}
	if n <= 260 && label && reReadMorePrefix.MatchString(lower) {
		return ruleReadMore
	}
	if n <= 500 && hasAppeal(lower) && !isReported(lower) {
		return ruleAppeal
	}
	if n <= 250 && isCopyright(lower) {
		return ruleCopyright
	}
	if n <= 250 && isNotice(lower) && !isReported(lower) {
		return ruleNotice
	}
	if n <= 30 && reUILabel.MatchString(strings.TrimRight(lower, " .:…")) {
		return ruleNotice
	}
	if n <= 400 && isCommentPolicy(lower) && !isReported(lower) {
		return ruleNotice
	}
	// "Get New York Today in your inbox": a one-line promotion.
	if n <= 200 && strings.Contains(lower, "your ") && reInboxPromo.MatchString(lower) && !isReported(lower) {
		return ruleAppeal
	}
	if strings.Contains(lower, "cookie") && reCookie.MatchString(lower) {
		return ruleCookie
	}
	return ""
}

type appealRule struct {
	key string
	re  *fastre.Regexp
}

// isReported reports a sentence of reporting: a quotation or a "said".
// An appeal or a notice quoted in the news ("“We need your help,” the
// sheriff said") is part of the story.
func isReported(lower string) bool {
	for _, v := range reportingVerbs {
		if strings.Contains(lower, v) {
			return true
		}
	}
	return false
}

var reportingVerbs = []string{" said", " says", " told", " asked", " urged", " according to", " sagte", " erklärte", " a déclaré", " a dit", " dijo", " afirmó", " ha detto", " disse", " afirmou", " сказал", " заявил"}

// isCommentPolicy reports a note on how reader comments are moderated.
func isCommentPolicy(lower string) bool {
	// Every one of commentWords holds "ment" or "мент": most texts are
	// ruled out by one fast search.
	if !strings.Contains(lower, "ment") && !strings.Contains(lower, "мент") {
		return false
	}
	for i := 0; i+1 < len(lower); i++ {
		if !commentStarts.may(lower, i) {
			continue
		}
		for _, w := range commentWords {
			if strings.HasPrefix(lower[i:], w) {
				return reCommentPolicy.MatchString(lower)
			}
		}
	}
	return false
}

// commentWords are the words a comment policy holds; the pattern runs
// only on a text with one of them.
var commentWords = []string{"coment", "comment", "kommentar", "комментари"}

var commentStarts = newPhraseStarts(commentWords...)

// isNotice reports notices in lower-case text.
func isNotice(lower string) bool {
	if noticeFirstWords[firstWord(lower)] && reNoticeStart.MatchString(lower) {
		return true
	}
	if lower[0] == '[' && reShortcode.MatchString(lower) {
		return true
	}
	// The keys are looked for in one pass; a rule's pattern runs (once)
	// only on a text that holds its key.
	var tried uint64
	for i := 0; i+1 < len(lower); i++ {
		if !noticeStarts.may(lower, i) {
			continue
		}
		for k, r := range noticeRules {
			if k < 64 && tried&(1<<k) != 0 || !strings.HasPrefix(lower[i:], r.key) {
				continue
			}
			if k < 64 {
				tried |= 1 << k
			}
			if r.re.MatchString(lower) {
				return true
			}
		}
	}
	return false
}

var noticeStarts = ruleStarts(noticeRules)

// ruleStarts indexes the keys of rules for a one-pass search of the word
// starts of a text.
func ruleStarts(rules []appealRule) *phraseStarts {
	keys := make([]string, len(rules))
	for i, r := range rules {
		keys[i] = r.key
	}
	return newPhraseStarts(keys...)
}

var noticeFirstWords = map[string]bool{
	"follow": true, "got": true, "tell": true, "leave": true, "join": true, "have": true, "add": true, "post": true, "comments": true, "comment": true, "kommentar": true, "laisser": true, "deja": true, "lascia": true, "deixe": true, "оставить": true,
	"tag": true, "tags": true, "category": true, "categories": true, "categoria": true, "categorie": true, "categoría": true, "categorias": true, "categorías": true, "filed": true, "schlagwörter": true, "stichworte": true, "étiquettes": true, "etiquetas": true, "argomenti": true, "temas": true, "теги": true, "рубрика": true,
}

// appealIndex maps the first byte of each appeal key to its rules, in
// order: a look-up at each word start costs an array index.
var appealIndex = func() (idx [256][]int) {
	for i, r := range appealRules {
		idx[r.key[0]] = append(idx[r.key[0]], i)
	}
	return idx
}()

var appealStarts = ruleStarts(appealRules)

// hasAppeal reports appeal wording in lower-case text. The keys are looked
// up at the start of each word, in one pass; a rule's pattern runs only on
// a text that holds its key.
func hasAppeal(lower string) bool {
	var tried [64]bool
	for i := 0; i+4 <= len(lower); i++ {
		if i > 0 && asciiWordByte[lower[i-1]] {
			continue // inside a word: the common case, settled at once
		}
		if !appealStarts.may(lower, i) || i > 0 && !wordBoundary(lower, i) {
			continue
		}
		for _, k := range appealIndex[lower[i]] {
			r := &appealRules[k]
			if k < len(tried) && tried[k] || !strings.HasPrefix(lower[i:], r.key) {
				continue
			}
			if k < len(tried) {
				tried[k] = true
			}
			if r.re.MatchString(lower) {
				return true
			}
		}
	}
	return false
}

// asciiWordByte marks the ASCII letters and digits.
var asciiWordByte = func() (t [256]bool) {
	for c := '0'; c <= 'z'; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordBoundary reports whether a word can start at byte i of s (i > 0).
func wordBoundary(s string, i int) bool {
	c := s[i]
	if c >= 0x80 && c < 0xC0 { // inside a UTF-8 sequence
		return false
	}
	p := s[i-1]
	if p < 0x80 {
		return !(p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9')
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isCopyright(lower string) bool {
	if strings.HasPrefix(lower, "©") || strings.HasPrefix(lower, "(c) ") || reCopyrightStart.MatchString(lower) {
		return true
	}
	// Every phrase holds "serv", "vorbehalten" or "защищены": most texts
	// are ruled out by three fast searches.
	if !strings.Contains(lower, "serv") && !strings.Contains(lower, "vorbehalten") && !strings.Contains(lower, "защищены") {
		return false
	}
	// One pass over the text for all the phrases: they start with 'a',
	// 't' or 'в', bytes too common for a strings.Contains per phrase to
	// skip far.
	for i := 0; i+1 < len(lower); i++ {
		if !copyrightStarts.may(lower, i) {
			continue
		}
		for _, p := range copyrightPhrases {
			if strings.HasPrefix(lower[i:], p) {
				return true
			}
		}
	}
	return false
}

var copyrightStarts = newPhraseStarts(copyrightPhrases...)

// phraseStarts marks, for the first byte of each of a few phrases, the low
// six bits of their second bytes (which tell the letters apart, and the
// bytes after the first of a Cyrillic letter). Looking for the phrases in
// one pass over a text, one look-up passes over nearly every place; a
// strings.Contains per phrase stops at each of its first byte, and 'a',
// 'c', 'p' or 't' are everywhere in text.
type phraseStarts [256]uint64

// newPhraseStarts returns the marks of phrases (of two bytes or more).
func newPhraseStarts(phrases ...string) *phraseStarts {
	var m phraseStarts
	for _, p := range phrases {
		m[p[0]] |= 1 << (p[1] & 63)
	}
	return &m
}

// may reports whether one of the phrases can start at byte i of s
// (i+1 < len(s)).
func (m *phraseStarts) may(s string, i int) bool {
	return m[s[i]]&(1<<(s[i+1]&63)) != 0
}

// isShareRow reports a short text made only of share-button words.
func isShareRow(t string) bool {
	if len(t) > 120 {
		return false
	}
	// The words are the runs of letters and hyphens, read in place.
	core := false
	for i := 0; i < len(t); {
		j := i
		for j < len(t) {
			r, size := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsLetter(r) && r != '-' {
				break
			}
			j += size
		}
		if j == i { // not a word: skip the rune
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		w := t[i:j]
		if !shareWords[w] {
			return false
		}
		core = core || shareCoreWords[w]
		i = j
	}
	return core
}

// shareCoreWords: a share row names at least one of these.
var shareCoreWords = map[string]bool{
	"share": true, "shares": true, "sharing": true, "tweet": true, "email": true, "e-mail": true, "print": true, "facebook": true, "twitter": true, "whatsapp": true, "linkedin": true, "reddit": true, "pinterest": true, "telegram": true, "messenger": true, "flipboard": true, "vk": true, "vkontakte": true, "bluesky": true, "threads": true, "mastodon": true, "instagram": true, "youtube": true, "rss": true, "like": true, "loading": true, "comments": true, "comment": true,
	"teilen": true, "drucken": true, "partager": true, "imprimer": true, "compartir": true, "imprimir": true, "condividi": true, "stampa": true, "compartilhe": true, "compartilhar": true, "поделиться": true, "печать": true,
}

// isContribution reports a line that credits the reporters who contributed
// to a story: one or two sentences, none of them reported speech.
func isContribution(t string) bool {
	lower := strings.ToLower(t)
	if strings.Count(lower, ". ") > 1 || strings.ContainsAny(t, "“”\"«»„") || isReported(lower) {
		return false
	}
	return reContribution.MatchString(strings.TrimSpace(lower))
}

// isSeparator reports a line drawn with rule characters ("___", "* * *",
// "---", "•••"), which sets parts of a story apart and says nothing.
func isSeparator(t string) bool {
	if len(t) > 120 {
		return false
	}
	n := 0
	for _, r := range t {
		switch {
		case r == ' ':
		case strings.ContainsRune(separatorRunes, r):
			n++
		default:
			return false
		}
	}
	return n > 0
}

const separatorRunes = "_-–—―*•·∙~=#+.…/\\|◆◇♦●○■□▪★☆※§⁂"

// isCredit reports photo credits and captions by wording.
func isCredit(t string) bool {
	if len(t) > 300 {
		return false
	}
	return isCreditLower(t, strings.ToLower(t))
}

// isCreditLower is isCredit for a caller that has t in lower case at hand.
func isCreditLower(t, lower string) bool {
	if len(t) > 300 {
		return false
	}
	if len(t) <= 40 && reGalleryLabel.MatchString(lower) {
		return true
	}
	if len(t) <= 100 && !endsSentence(t) && wordCount(t) <= 8 && reArchiveCredit.MatchString(lower) {
		return true
	}
	if len(t) <= 80 && !endsSentence(t) && (strings.HasPrefix(lower, "courtesy of ") || strings.HasPrefix(lower, "photo courtesy")) {
		return true
	}
	// A short line with a copyright sign, not a sentence: "Reuters ©".
	if len(t) <= 100 && strings.Contains(t, "©") && !endsSentence(t) {
		return true
	}
	if labelFirstWords[firstWord(lower)] && reCreditStart.MatchString(lower) {
		return true
	}
	if strings.Contains(lower, "credit") && reCreditTail.MatchString(lower) {
		return true
	}
	// Credits end with a parenthesis or an agency's name.
	end := strings.TrimRight(lower, " .")
	if !strings.HasSuffix(end, ")") && !creditEndWords[lastWord(end)] {
		return false
	}
	if len(lower) > 100 {
		lower = lower[len(lower)-100:]
	}
	return reCreditEnd.MatchString(lower)
}

// reInboxPromo matches a newsletter promotion: "Get … in your inbox".
var reInboxPromo = fastre.MustCompile(`(?:^|[\[(:.] ?)get\b[^.]{1,60}\bin(?:to)? your (?:inbox|mailbox|email)`)

// reCreditTail matches a credit set after a caption on the same line:
// "… He didn't get it.Credit...Doug Mills/The New York Times".
var reCreditTail = fastre.MustCompile(`(?:credits?\s*(?:\.{2,}|…)|(?:photo|image|picture) credits?\s*:)\s*[^.!?]{2,80}$`)

var creditEndWords = map[string]bool{"images": true, "shutterstock": true, "istockphoto": true, "press": true, "reuters": true, "photo": true, "efe": true, "dpa": true}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// isBylineText reports a short "By Jane Doe" line or a line that is little
// more than one of the known author names.
func isBylineText(t string, authors []string) bool {
	return isBylineTextLower(t, "", authors)
}

// isBylineTextLower is isBylineText for a caller that has lower, t in
// lower case, at hand ("": not made).
func isBylineTextLower(t, lower string, authors []string) bool {
	if t == "" {
		return false
	}
	toLower := func() string {
		if lower == "" {
			lower = strings.ToLower(t)
		}
		return lower
	}
	if len(t) <= 300 && (t[0] == '(' || t[0] == '[' || t[0] == 'R' || t[0] == 'A' || t[0] == 'W' || t[0] == 'E') && reWireCredit.MatchString(toLower()) {
		return true
	}
	if len(t) <= 300 && strings.Contains(t, "ontribut") && isContribution(t) {
		return true
	}
	if len(t) > 120 {
		return false
	}
	words := countFields(t)
	if words > 14 {
		return false
	}
	if reBylineStart.MatchString(t) && !endsSentence(t) && !reNotByline.MatchString(toLower()) {
		return true
	}
	for _, a := range authors {
		if a != "" && len(a) >= 4 && strings.Contains(t, a) && words <= countFields(a)+7 {
			return true
		}
	}
	return false
}

// countFields is len(strings.Fields(s)), without the slice.
func countFields(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// isDateLine reports a short line that is mostly a date: a date word or
// number, a lead like "Updated" or only a few other letters.
func isDateLine(t string) bool {
	return isDateLineLower(t, "")
}

// isDateLineLower is isDateLine for a caller that has lower, t in lower
// case, at hand ("": not made).
func isDateLineLower(t, lower string) bool {
	if len(t) > 100 || !hasDigit(t) && !strings.Contains(t, "day") {
		return false
	}
	if lower == "" {
		lower = strings.ToLower(t)
	}
	t = lower
	words := 0
	dated, clock := false, false
	letters := 0
	for w := range strings.FieldsSeq(t) {
		words++
		w = strings.Trim(w, ",.;:()[]|·–—-")
		if isClock(w) {
			clock = true
			continue
		}
		if isDateWord(w) {
			dated = true
			continue
		}
		if dateFillers[w] {
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	// A time alone is a heading of a timeline ("4:14 p.m."), not a date line.
	lead := reDateLead.MatchString(t)
	if !dated && !(clock && lead) {
		return false
	}
	if lead {
		return true
	}
	// A short sentence that names a day ("On Monday, 5 people died.") is
	// not a date line.
	if words >= 4 && endsSentence(t) && letters > 4 {
		return false
	}
	return words <= 8 && letters <= 16
}

// isClock reports a clock time such as 17:45 or 9:05.
func isClock(w string) bool {
	i := strings.IndexByte(w, ':')
	if i < 1 || i > 2 || len(w)-i-1 != 2 {
		return false
	}
	for j := 0; j < len(w); j++ {
		if j != i && (w[j] < '0' || w[j] > '9') {
			return false
		}
	}
	return true
}

// isDateWord reports a month or weekday name, a numeric date or a relative
// day.
func isDateWord(w string) bool {
	if dateWords[w] {
		return true
	}
	digits, seps := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '/' || c == '-':
			seps++
		default:
			return false
		}
	}
	// 19.11.2019, 2019-11-19, 11/19/19
	return digits >= 4 && seps == 2
}

// dateWords are month and weekday names and relative days, lower case, in
// the main news languages.
var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`jan january januar feb february februar mar march mär märz apr april may mai jun june juni jul july juli aug august sep sept september oct okt october oktober nov november dec dez december dezember
janvier février mars avril juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica
segunda-feira terça-feira quarta-feira quinta-feira sexta-feira понедельник вторник среда четверг пятница суббота воскресенье
yesterday today ago gestern heute hier aujourd'hui ayer hoy ieri oggi ontem hoje вчера сегодня`) {
		m[w] = true
	}
	return m
}()

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// dateFillers are the small words of written dates ("22 de janeiro de
// 2018 às 0:13", "le 3 mars", "am 5. Mai", "at 5 pm").
var dateFillers = map[string]bool{
	"de": true, "del": true, "à": true, "às": true, "a": true, "at": true, "le": true, "el": true, "am": true, "um": true, "on": true, "the": true, "of": true, "pm": true, "am,": true, "uhr": true, "h": true, "et": true, "est": true, "edt": true, "pst": true, "gmt": true, "utc": true, "cet": true, "msk": true, "в": true, "г": true, "года": true, "alle": true, "ore": true, "il": true,
}

// endsSentence reports text that ends like a sentence.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。'
}

// Class and id hints.

// hint is what an element's class, id and role say about it.
type hint struct {
	rule     string // boilerplate rule, or ""
	weak     bool   // the rule gives way to a content hint
	content  bool   // a content hint (article, body, content, post, story…)
	positive bool   // a positive hint for scoring
	negative bool   // a negative hint for scoring
}

// boilerTokens maps class/id words to a boilerplate rule. Words are the
// parts of class and id values split at non-letters and camel case.
var boilerTokens = map[string]string{
	"nav": ruleNav, "navbar": ruleNav, "navigation": ruleNav, "menu": ruleNav, "menubar": ruleNav, "breadcrumb": ruleNav, "breadcrumbs": ruleNav, "pagination": ruleNav, "pager": ruleNav, "skiplink": ruleNav, "skiplinks": ruleNav, "toolbar": ruleNav, "masthead": rulePageHeader, "subnav": ruleNav, "sitenav": ruleNav, "topbar": ruleNav,
	"comment": ruleComments, "comments": ruleComments, "commentlist": ruleComments, "disqus": ruleComments, "replies": ruleComments, "respond": ruleComments, "discussion": ruleComments, "livefyre": ruleComments, "talk": ruleComments,
	"share": ruleShare, "sharing": ruleShare, "shares": ruleShare, "social": ruleShare, "sharebar": ruleShare, "addthis": ruleShare, "sharethis": ruleShare, "sociallinks": ruleShare,
	"related": ruleRelated, "recommended": ruleRelated, "recommendations": ruleRelated, "recommendation": ruleRelated, "recirc": ruleRelated, "recirculation": ruleRelated, "popular": ruleRelated, "mostread": ruleRelated, "mostpopular": ruleRelated, "trending": ruleRelated, "outbrain": ruleRelated, "taboola": ruleRelated, "readmore": ruleRelated, "morestories": ruleRelated, "moreon": ruleRelated, "further": ruleRelated, "teaser": ruleTeaser, "teasers": ruleTeaser, "upnext": ruleRelated,
	"newsletter": ruleAppeal, "subscribe": ruleAppeal, "subscription": ruleAppeal, "subscriptions": ruleAppeal, "signup": ruleAppeal, "optin": ruleAppeal, "donate": ruleAppeal, "donation": ruleAppeal, "donations": ruleAppeal, "membership": ruleAppeal, "paywall": ruleAppeal, "regwall": ruleAppeal, "piano": ruleAppeal, "newsletters": ruleAppeal, "contribute": ruleAppeal, "contributions": ruleAppeal,
	"cookie": ruleCookie, "cookies": ruleCookie, "consent": ruleCookie, "gdpr": ruleCookie, "cmp": ruleCookie,
	"ad": ruleAd, "ads": ruleAd, "advert": ruleAd, "adverts": ruleAd, "advertisement": ruleAd, "advertising": ruleAd, "adslot": ruleAd, "adunit": ruleAd, "dfp": ruleAd, "gpt": ruleAd, "sponsor": ruleAd, "sponsored": ruleAd, "promo": ruleAd, "promotion": ruleAd, "promoted": ruleAd, "commercial": ruleAd, "affiliate": ruleAd, "adsense": ruleAd, "banner": ruleAd,
	"bio": ruleBio, "authorbio": ruleBio, "biography": ruleBio, "aboutauthor": ruleBio,
	"byline": ruleByline, "bylines": ruleByline, "author": ruleByline, "authors": ruleByline, "dateline": ruleDate, "timestamp": ruleDate, "date": ruleDate, "published": ruleDate, "pubdate": ruleDate,
	"tags": ruleTags, "tag": ruleTags, "taglist": ruleTags, "tagcloud": ruleTags, "keywords": ruleTags, "topics": ruleTags, "categories": ruleTags,
	"caption": ruleCaption, "captions": ruleCaption, "figcaption": ruleCaption, "credit": ruleCaption, "credits": ruleCaption,
	"sidebar": ruleSidebar, "rail": ruleSidebar, "widget": ruleSidebar, "widgets": ruleSidebar, "aside": ruleSidebar,
	"modal": rulePopup, "popup": rulePopup, "overlay": rulePopup, "lightbox": rulePopup, "dialog": rulePopup, "interstitial": rulePopup,
	"header": rulePageHeader, "footer": rulePageFooter, "meta": ruleMeta, "metadata": ruleMeta, "print": ruleMeta, "tools": ruleMeta, "actions": ruleMeta,
	// The same in the class names of German, French, Spanish, Italian,
	// Portuguese and Russian (transliterated) sites.
	"werbung": ruleAd, "anzeige": ruleAd, "publicite": ruleAd, "publicidad": ruleAd, "pubblicita": ruleAd, "publicidade": ruleAd, "reklama": ruleAd,
	"kommentare": ruleComments, "kommentar": ruleComments, "commentaires": ruleComments, "comentarios": ruleComments, "commenti": ruleComments, "kommentarii": ruleComments,
	"teilen": ruleShare, "partage": ruleShare, "compartir": ruleShare, "condividi": ruleShare, "compartilhar": ruleShare,
	"verwandte": ruleRelated, "relacionadas": ruleRelated, "relacionados": ruleRelated, "correlati": ruleRelated,
	"abonnement": ruleAppeal, "abonnieren": ruleAppeal, "suscripcion": ruleAppeal, "abbonamento": ruleAppeal, "assinatura": ruleAppeal, "podpiska": ruleAppeal,
}

// isWeakRule reports the rules that give way to a content hint on the
// same element. (A switch: hintOf asks for each class word.)
func isWeakRule(rule string) bool {
	switch rule {
	case ruleByline, ruleDate, ruleMeta, ruleTeaser, rulePageHeader, rulePageFooter, ruleSidebar, ruleTags, ruleAd, ruleNav:
		return true
	}
	return false
}

// boilerStems catch compound words ("relatedArticles" is split by camel
// case, but "sharebuttons" is not).
var boilerStems = []struct{ stem, rule string }{
	{"comment", ruleComments}, {"share", ruleShare}, {"social", ruleShare}, {"related", ruleRelated}, {"newsletter", ruleAppeal}, {"subscri", ruleAppeal}, {"cookie", ruleCookie}, {"consent", ruleCookie}, {"sponsor", ruleAd}, {"advert", ruleAd}, {"breadcrumb", ruleNav}, {"sidebar", ruleSidebar}, {"outbrain", ruleRelated}, {"taboola", ruleRelated}, {"recommend", ruleRelated}, {"paywall", ruleAppeal}, {"signup", ruleAppeal}, {"mostread", ruleRelated}, {"mostpopular", ruleRelated}, {"readmore", ruleRelated}, {"donat", ruleAppeal}, {"authorbio", ruleBio}, {"byline", ruleByline}, {"promo", ruleAd},
}

// stemIndex maps the first byte of each of boilerStems to its entries,
// in order.
var stemIndex = func() (idx [256][]int) {
	for i, s := range boilerStems {
		idx[s.stem[0]] = append(idx[s.stem[0]], i)
	}
	return idx
}()

// stemSecond marks, for the first byte of each of boilerStems, the second
// bytes (lower-case letters, as bits from 'a') that stems starting with it
// have.
var stemSecond = func() (m [256]uint32) {
	for _, s := range boilerStems {
		m[s.stem[0]] |= 1 << (s.stem[1] - 'a')
	}
	return m
}()

// minStem is the length of the shortest of boilerStems: none starts in
// the last minStem-1 bytes of a word.
var minStem = func() int {
	n := len(boilerStems[0].stem)
	for _, s := range boilerStems {
		n = min(n, len(s.stem))
	}
	return n
}()

// stemRule returns the rule of the first of boilerStems that tok holds
// ("comment" not in "commentary": "kommentar" is covered by the word), or
// "". It looks for the stems in one pass over tok.
func stemRule(tok []byte) string {
	first := len(boilerStems)
	for i := 0; i+minStem <= len(tok); i++ {
		if c := tok[i+1] - 'a'; c >= 26 || stemSecond[tok[i]]&(1<<c) == 0 {
			continue // no stem starts with these two bytes: most places
		}
		for _, k := range stemIndex[tok[i]] {
			stem := boilerStems[k].stem
			if k < first && len(tok)-i >= len(stem) && string(tok[i:i+len(stem)]) == stem {
				if stem == "comment" && bytes.Contains(tok, []byte("commentar")) {
					continue
				}
				first = k
			}
		}
	}
	if first == len(boilerStems) {
		return ""
	}
	return boilerStems[first].rule
}

var contentTokens = map[string]bool{
	"article": true, "articlebody": true, "content": true, "entry": true, "post": true, "story": true, "storybody": true, "main": true, "body": true, "text": true, "blog": true, "prose": true, "richtext": true, "hentry": true, "page": true, "column": true, "news": true, "single": true,
}

var positiveTokens = map[string]bool{
	"article": true, "articlebody": true, "body": true, "content": true, "entry": true, "hentry": true, "main": true, "post": true, "text": true, "blog": true, "story": true, "storybody": true, "prose": true, "richtext": true,
}

var negativeTokens = map[string]bool{
	"hidden": true, "banner": true, "combx": true, "contact": true, "foot": true, "footer": true, "footnote": true, "masthead": true, "media": true, "meta": true, "scroll": true, "shoutbox": true, "skyscraper": true, "shopping": true, "tool": true, "tools": true, "widget": true, "sidebar": true, "promo": true, "related": true, "share": true, "social": true, "comment": true, "comments": true, "tags": true, "ad": true, "ads": true, "sponsor": true, "outbrain": true, "nav": true, "menu": true, "teaser": true, "card": true, "list": true, "more": true,
}

// tokenHint is what one class or id word says: its entries in the maps
// above, gathered so that each word is looked up once.
type tokenHint struct {
	rule                        string // boilerTokens
	content, positive, negative bool
}

var tokenHints = func() *hintTable {
	m := map[string]tokenHint{}
	for w, r := range boilerTokens {
		h := m[w]
		h.rule = r
		m[w] = h
	}
	for w := range contentTokens {
		h := m[w]
		h.content = true
		m[w] = h
	}
	for w := range positiveTokens {
		h := m[w]
		h.positive = true
		m[w] = h
	}
	for w := range negativeTokens {
		h := m[w]
		h.negative = true
		m[w] = h
	}
	return newHintTable(m)
}()

// hintTable is a read-only hash table of tokenHints. hintOf looks up every
// word of the class and id values of a page, most of them in none of the
// lists: probing a sparse table with a byte-loop hash of the (short) word
// takes half the time of a map look-up.
type hintTable struct {
	words []string // "" for an empty slot
	hints []tokenHint
	mask  uint32
}

func newHintTable(m map[string]tokenHint) *hintTable {
	n := 1
	for n < 4*len(m) { // a quarter full: a miss ends at the first slots
		n *= 2
	}
	t := &hintTable{words: make([]string, n), hints: make([]tokenHint, n), mask: uint32(n - 1)}
	for w, h := range m {
		i := hashWord(w) & t.mask
		for t.words[i] != "" {
			i = (i + 1) & t.mask
		}
		t.words[i], t.hints[i] = w, h
	}
	return t
}

// get returns the hint of word, the zero hint for a word in no list.
func (t *hintTable) get(word []byte) tokenHint {
	if len(word) == 0 {
		return tokenHint{}
	}
	for i := hashWord(word) & t.mask; t.words[i] != ""; i = (i + 1) & t.mask {
		if t.words[i] == string(word) {
			return t.hints[i]
		}
	}
	return tokenHint{}
}

// hashWord mixes the length and three bytes of w (the first, middle and
// last): enough to part the words of tokenHints, and quicker than a hash
// of every byte. w is not empty.
func hashWord[S string | []byte](w S) uint32 {
	n := uint32(len(w))
	h := n*0x9e3779b1 ^ uint32(w[0])*0x85ebca6b ^ uint32(w[n/2])*0xc2b2ae35 ^ uint32(w[n-1])*0x27d4eb2f
	return h ^ h>>15
}

// hintCache keeps the hints of a page's class and id values. A page
// repeats its values (each item of a list has the item's class) and the
// scorer asks about elements the cleaner has asked about: a look-up is
// several times cheaper than reading the words again.
type hintCache map[hintKey]hint

type hintKey struct{ class, id string }

// of returns hintOf(class, id), from the cache when it holds it.
func (c hintCache) of(class, id string) hint {
	k := hintKey{class, id}
	if h, ok := c[k]; ok {
		return h
	}
	h := hintOf(class, id)
	c[k] = h
	return h
}

// hintCaches holds the caches between pages, emptied: a page's values
// are not kept, only the map's room.
var hintCaches = sync.Pool{New: func() any { return hintCache{} }}

// hintOf classifies an element by its class, id and role.
func hintOf(class, id string) hint {
	var h hint
	var rule string
	// State classes are skipped as the words are read. Every state class
	// has a '-' or a '_' (lower-casing adds none): without them, no name
	// needs the check.
	noState := strings.IndexByte(class, '-') >= 0 || strings.IndexByte(class, '_') >= 0
	if isSlug(id) {
		id = ""
	}
	var w classWords
	for k, s := range [2]string{class, id} {
		w.reset(s)
		w.noState = k == 0 && noState
		for tok, ok := w.next(); ok; tok, ok = w.next() {
			th := tokenHints.get(tok)
			h.content = h.content || th.content
			h.positive = h.positive || th.positive
			h.negative = h.negative || th.negative
			if rule != "" && !isWeakRule(rule) {
				continue
			}
			r := th.rule
			if r == "" && len(tok) > 5 {
				r = stemRule(tok)
			}
			if r != "" && (rule == "" || isWeakRule(rule) && !isWeakRule(r)) {
				rule = r
			}
		}
	}
	if rule == ruleShare && embedded(class, noState) {
		// An embedded post (a tweet in a "social-embed" box) is quoted
		// content, not a share row.
		rule = ""
	}
	if rule != "" {
		h.negative = true
	}
	h.rule = rule
	h.weak = isWeakRule(rule)
	return h
}

// State classes describe the element they are on ("has-comments",
// "comments-open", "is-sticky"), not what it is: they are not hints.
var statePrefixes = []string{"has-", "no-", "is-", "with-", "without-", "enable-", "disable-"}
var stateSuffixes = []string{"-open", "-closed", "-enabled", "-disabled", "-count", "-active", "-on", "-off"}

func isStateClass(c string) bool {
	if c == "" {
		return false
	}
	// Most names neither start like a prefix nor end like a suffix. (An
	// ASCII first or last byte stays in its place when c is lower-cased.)
	if first, last := c[0], c[len(c)-1]; first < utf8.RuneSelf && last < utf8.RuneSelf && !stateFirst[first] && !stateLast[last] {
		return false
	}
	if !isASCII(c) {
		c = strings.ReplaceAll(strings.ToLower(c), "_", "-")
	}
	// Each prefix ends with its only '-', each suffix starts with it: the
	// byte there is looked at before the letters.
	for _, p := range statePrefixes {
		if len(c) >= len(p) && isDash(c[len(p)-1]) && classWordEq(c[:len(p)], p) {
			return true
		}
	}
	for _, p := range stateSuffixes {
		if len(c) >= len(p) && isDash(c[len(c)-len(p)]) && classWordEq(c[len(c)-len(p):], p) {
			return true
		}
	}
	return false
}

// stateFirst marks the first letters of statePrefixes and stateLast the
// last ones of stateSuffixes, in both cases.
var stateFirst, stateLast = func() (first, last [256]bool) {
	for _, p := range statePrefixes {
		first[p[0]], first[p[0]-'a'+'A'] = true, true
	}
	for _, p := range stateSuffixes {
		c := p[len(p)-1]
		last[c], last[c-'a'+'A'] = true, true
	}
	return first, last
}()

// isDash reports the bytes classWordEq reads as '-'.
func isDash(c byte) bool { return c == '-' || c == '_' }

// classWordEq reports whether s, lower-cased and with '_' read as '-', is
// w (lower case), without building the lower-cased string. s is ASCII, or
// already lower-cased.
func classWordEq(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == '_' {
			c = '-'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSlug reports an id made from a heading's words ("sharing-with-a-single-
// developer"), which names a section of text, not a component.
func isSlug(id string) bool {
	if strings.Count(id, "-")+strings.Count(id, "_") < 2 {
		return false
	}
	n, stop := 0, false
	var w classWords
	w.reset(id)
	for tok, ok := w.next(); ok; tok, ok = w.next() {
		n++
		stop = stop || slugStopWords[string(tok)]
	}
	return stop || n >= 6
}

var slugStopWords = map[string]bool{"a": true, "an": true, "the": true, "with": true, "of": true, "and": true, "to": true, "in": true, "for": true, "on": true, "is": true, "how": true, "what": true, "why": true, "your": true}

// embedded reports a class value that names an embedded post; noState:
// its state classes are not read.
func embedded(class string, noState bool) bool {
	var w classWords
	w.reset(class)
	w.noState = noState
	for tok, ok := w.next(); ok; tok, ok = w.next() {
		if string(tok) == "embed" || string(tok) == "embedded" || string(tok) == "tweet" {
			return true
		}
	}
	return false
}

// classWords reads the words of a class or id value: each class name split
// into lower-case parts at non-letters and at camel-case boundaries, then,
// for a name of two or more parts, the whole name (letters only), so that
// "article-body" gives "article", "body" and "articlebody". This runs on
// every class of a page: the words are lower-cased into the reader's own
// buffers, not into new strings, and a word is valid until the next call.
//
//	var w classWords
//	w.reset(class)
//	for tok, ok := w.next(); ok; tok, ok = w.next() { … }
type classWords struct {
	noState   bool   // skip the state classes (isStateClass)
	rest      string // the class names not read yet
	cls       string // the class name being read; "": none
	i         int    // next byte of cls
	start     int    // start of the current part
	prevLower bool
	parts     int
	tailDone  bool // the last part of cls is read
	// The whole name is wholeBuf[:wholeN], or big once it outgrew
	// wholeBuf (it is then given only if it fits big's capacity).
	wholeN   int
	big      []byte
	wholeBuf [64]byte
	low      [64]byte
}

func (w *classWords) reset(s string) {
	w.rest, w.cls, w.noState = s, "", false
}

// next returns the next word, or false at the end.
func (w *classWords) next() ([]byte, bool) {
	for {
		if w.cls == "" {
			w.cls, w.rest = nextField(w.rest)
			if w.cls == "" {
				return nil, false
			}
			if w.noState && isStateClass(w.cls) {
				w.cls = ""
				continue
			}
			w.i, w.start, w.prevLower, w.parts, w.tailDone = 0, 0, false, 0, false
			w.wholeN, w.big = 0, nil
		}
		for w.i < len(w.cls) {
			i := w.i
			var r rune
			var letter, upper bool
			if c := w.cls[i]; c < utf8.RuneSelf {
				// ASCII, the usual class name: the unicode tables
				// answer the same for it.
				r, letter, upper = rune(c), asciiWordByte[c], 'A' <= c && c <= 'Z'
				w.i++
			} else {
				var size int
				r, size = utf8.DecodeRuneInString(w.cls[i:])
				w.i += size
				letter = unicode.IsLetter(r) || unicode.IsDigit(r)
				upper = unicode.IsUpper(r)
			}
			var tok []byte
			if !letter || (upper && w.prevLower) {
				if i > w.start {
					tok = w.lower(w.cls[w.start:i])
					w.parts++
				}
				if letter {
					w.start = i
				} else {
					w.start = i + utf8.RuneLen(r)
				}
			}
			if letter {
				if upper && r < utf8.RuneSelf {
					w.appendWhole(r + 'a' - 'A')
				} else {
					w.appendWhole(unicode.ToLower(r))
				}
			}
			w.prevLower = letter && !upper
			if tok != nil {
				return tok, true
			}
		}
		if !w.tailDone {
			w.tailDone = true
			if w.start < len(w.cls) {
				w.parts++
				return w.lower(w.cls[w.start:]), true
			}
		}
		whole := w.whole()
		w.cls = ""
		if w.parts > 1 && len(whole) > 0 && len(whole) < cap(whole) {
			return whole, true
		}
	}
}

// lower returns s lower-cased as strings.ToLower does, in w.low.
func (w *classWords) lower(s string) []byte {
	t := w.low[:0]
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			t = append(t, c)
		}
		return t
	}
	for _, r := range s {
		t = utf8.AppendRune(t, unicode.ToLower(r))
	}
	return t
}

func (w *classWords) whole() []byte {
	if w.big != nil {
		return w.big
	}
	return w.wholeBuf[:w.wholeN]
}

// appendWhole adds r to the whole name while there is room; a rune that
// does not fit moves the name to a larger buffer, as append would.
func (w *classWords) appendWhole(r rune) {
	if r < utf8.RuneSelf && w.big == nil && w.wholeN < len(w.wholeBuf) {
		w.wholeBuf[w.wholeN] = byte(r)
		w.wholeN++
		return
	}
	whole := w.whole()
	if len(whole) >= cap(whole) {
		return
	}
	if w.big == nil && w.wholeN+utf8.RuneLen(r) <= len(w.wholeBuf) {
		w.wholeN += utf8.EncodeRune(w.wholeBuf[w.wholeN:], r)
		return
	}
	big := make([]byte, len(whole), cap(whole))
	copy(big, whole)
	w.big = utf8.AppendRune(big, r)
}

// nextField splits the first field off s, as strings.Fields would.
func nextField(s string) (field, rest string) {
	// The usual class value is ASCII names parted by ASCII spaces: read
	// it on its bytes while it is.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && asciiSpace[s[i]] {
		i++
	}
	if i == len(s) {
		return "", ""
	}
	if s[i] < utf8.RuneSelf {
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
			j++
		}
		if j == len(s) {
			return s[i:], ""
		}
		if s[j] < utf8.RuneSelf {
			return s[i:j], s[j:]
		}
	}
	i = strings.IndexFunc(s, isNotSpace)
	if i < 0 {
		return "", ""
	}
	s = s[i:]
	j := strings.IndexFunc(s, unicode.IsSpace)
	if j < 0 {
		return s, ""
	}
	return s[:j], s[j:]
}

func isNotSpace(r rune) bool { return !unicode.IsSpace(r) }

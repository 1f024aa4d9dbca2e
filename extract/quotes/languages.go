package quotes

import "strings"

// Word lists and small rules for the other main news languages (French,
// Spanish, Italian, Portuguese, German, Russian): their reporting verbs,
// "according to" phrases, the auxiliaries of compound past tenses ("a
// déclaré", "ha detto"), personal pronouns, titles and roles.

// foreignCues are reporting verbs of other news languages, in the forms news
// prose uses (present, simple past, and the participle of a compound past).
var foreignCues = set(`
déclaré dit affirmé estimé ajouté expliqué souligné indiqué précisé assuré confié insisté rappelé
prévenu annoncé répondu poursuivi martelé jugé reconnu raconté écrit noté observé dénoncé averti
regretté commenté plaidé lancé tranché résumé réagi relaté relate assure confie qualifié qualifie
respondió respondieron risposto respondeu antwortete
déclare affirme explique ajoute estime souligne indique précise confie insiste rappelle poursuit
martèle raconte commente reconnaît dénonce avertit répond résume tranche écrit
dijo afirmó explicó señaló aseguró añadió declaró indicó manifestó sostuvo advirtió agregó subrayó
destacó insistió apuntó comentó reconoció precisó expresó relató recordó contó relata calificó califica calificado
afirma explica señala asegura añade declara indica sostiene advierte agrega subraya destaca apunta comenta
dicho afirmado explicado declarado asegurado señalado añadido indicado
detto dichiarato spiegato aggiunto affermato sottolineato commentato precisato osservato ribadito
spiega afferma dichiara aggiunge sottolinea osserva commenta ribadisce disse dichiarò spiegò affermò aggiunse
racconta raccontato raccontò definisce definito parla
disse diz afirmou explicou declarou acrescentou destacou ressaltou avaliou contou garantiu sublinhou
comentou salientou frisou observou
sagt sagte sagten erklärt erklärte erklärten betont betonte meint meinte schreibt schrieb warnte
ergänzte ergänzt kritisierte berichtete gesagt nannte nennt bezeichnete
сказал сказала сказали заявил заявила заявили отметил отметила отметили добавил добавила добавили
подчеркнул подчеркнула пояснил пояснила рассказал рассказала сообщил сообщила написал написала
признал признала уточнил уточнила говорит считает пожаловался пожаловалась признался призналась
ответил ответила объяснил объяснила продолжил продолжила подчеркнули написали
zegt zei`)

// foreignNounLike are foreign cues that are also common English words; they
// count only where a noun-like cue would (after a name, pronoun or quote).
var foreignNounLike = set("dice dit relate cuenta")

// foreignAux are the auxiliaries of compound past tenses: "a déclaré", "ha
// detto", "hat gesagt". They count only before a foreign cue.
var foreignAux = set("a ont avait avaient ha han hat hatte hatten hanno aveva há tem têm había habían haben")

// foreignPronouns map the personal pronouns of other languages to English.
// "il" is also the Italian article: it is a pronoun only alone.
var foreignPronouns = map[string]string{
	"il": "he", "elle": "she", "ils": "they", "elles": "they",
	"er": "he", "sie": "she",
	"él": "he", "ella": "she", "ellos": "they", "ellas": "they",
	"ele": "he", "ela": "she", "eles": "they", "elas": "they",
	"lui": "he", "lei": "she",
	"он": "he", "она": "she", "они": "they",
}

// accordingWords introduce a source the way "according to" does; the value
// is the word that must follow ("" for none).
var accordingWords = map[string]string{
	"according": "to", "selon": "", "d'après": "", "según": "", "laut": "",
	"secondo": "", "segundo": "", "по": "словам", "acordo": "com",
}

// isAccording reports whether toks[j] opens an "according to" phrase.
func isAccording(toks []token, j int) bool {
	t := toks[j]
	need, ok := accordingWords[t.lower]
	if !ok || t.kind != tWord {
		return false
	}
	if need != "" && (j+1 >= len(toks) || toks[j+1].lower != need) {
		return false
	}
	switch t.lower {
	case "acordo": // "de acordo com"
		return j > 0 && toks[j-1].lower == "de"
	case "segundo", "secondo": // also "second": a source follows
		if j > 0 && toks[j-1].kind == tWord && (articles[toks[j-1].lower] || foreignDets[toks[j-1].lower]) {
			return false
		}
		return j+1 < len(toks) && toks[j+1].kind == tWord && (toks[j+1].cap || foreignDets[toks[j+1].lower])
	}
	return true
}

// accordingSource is the index where the source of the "according to"
// phrase at j starts.
func accordingSource(toks []token, j int) int {
	if accordingWords[toks[j].lower] != "" {
		return j + 2
	}
	return j + 1
}

// accordingText is the "according to" phrase at j as written.
func accordingText(toks []token, j int) string {
	switch {
	case toks[j].lower == "acordo" && j+1 < len(toks):
		return toks[j-1].text + " " + toks[j].text + " " + toks[j+1].text
	case accordingWords[toks[j].lower] != "" && j+1 < len(toks):
		return toks[j].text + " " + toks[j+1].text
	}
	return toks[j].text
}

// foreignDets are the articles and possessives of other languages.
var foreignDets = set("le la les l' un une son sa ses leur el los las una su sus il lo gli uno o os um uma seu sua der die das den dem des ein eine einen einem seine ihre")

// foreignStops end a noun phrase that follows its verb in other languages
// ("dijo la ministra Raquel Sánchez ante los diputados").
var foreignStops = set(`devant lors dans sur avec pour après avant pendant à au aux en depuis sans chez vers et mais qui que dont car
ante durante con para tras desde sobre hacia y pero quien quienes cuando mientras
vor bei mit nach auf im am gegenüber während und aber dass als wie
davanti nel nella nei alla alle ai con per dopo prima e ma che quando mentre
perante diante ao aos na nas no nos em com após
перед после при на в во с и но что когда`)

// foreignRoles are role nouns of other languages that stand for a person
// introduced with them ("la ministre", "el portavoz").
var foreignRoles = set(`ministre ministra ministro ministres président présidente presidente presidenta porte-parole portavoz porta-voz
maire alcalde alcaldesa prefeito prefeita sindaco sindaca bürgermeister bürgermeisterin kanzler kanzlerin sprecher sprecherin
secrétaire secretario secretaria segretario secretário juge juez jueza giudice juiz juíza avocat avocate abogado abogada avvocato advogado
député députée diputado diputada deputato deputada sénateur sénatrice senador senadora directeur directrice director directora direttore diretor diretora
entraîneur entrenador allenatore treinador trainer trainerin chef cheffe jefe jefa capo
premier procureur procureure fiscal procuratore promotor gouverneur gobernador governatore governador
economista économiste analista analyste experto experta esperto esperta especialista spécialiste portavoce profesor profesora professeur professeure professore professoressa professora
chercheur chercheuse investigador investigadora ricercatore ricercatrice pesquisador pesquisadora médecin médico medico arzt ärztin experte expertin
líder dirigente
министр президент глава председатель пресс-секретарь губернатор мэр директор представитель премьер-министр посол`)

// germanTitleSuffixes end German compound titles ("Bundeskanzlerin",
// "Innenminister", "Bürgermeister"), written with a capital like every noun.
var germanTitleSuffixes = []string{"minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "sprecher", "sprecherin",
	"meister", "meisterin", "chef", "chefin", "direktor", "direktorin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "trainer", "trainerin",
	"sekretär", "sekretärin", "botschafter", "botschafterin", "richter", "richterin", "senator", "senatorin", "abgeordnete", "abgeordneter",
	"vorstand", "vorständin", "experte", "expertin", "analyst", "analystin", "ökonom", "ökonomin", "gründer", "gründerin", "forscher", "forscherin"}

// minGermanTitleSuffix is the length of the shortest germanTitleSuffixes.
var minGermanTitleSuffix = func() int {
	n := len(germanTitleSuffixes[0])
	for _, suf := range germanTitleSuffixes {
		n = min(n, len(suf))
	}
	return n
}()

// leadingHonorifics open a name in French, Spanish, Italian, Portuguese and
// German ("M. Macron", "Frau Merkel"); they are stripped from its front only,
// because "M." inside a name is an initial.
var leadingHonorifics = set("m. mm. mme mme. mmes mlle sr. sra. srta. d. dña. don doña sig. sig.ra dott. dott.ssa herr frau г-н г-жа")

// isTitle reports whether a lower-cased word is a title, rank or office
// stripped from the front of a person's name.
func isTitle(w string) bool {
	return wordClasses.get(w)&clsTitle != 0 || germanTitle(w) // titleWords, foreignRoles
}

// germanTitle reports whether w ends in one of germanTitleSuffixes after
// three or more letters.
func germanTitle(w string) bool {
	if len(w) <= minGermanTitleSuffix+2 {
		return false // too short for any suffix
	}
	for _, suf := range germanTitleSuffixesByLast[w[len(w)-1]] {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// germanTitleSuffixesByLast are germanTitleSuffixes by their last byte: most
// words end in a byte none of them does.
var germanTitleSuffixesByLast = func() (by [256][]string) {
	for _, suf := range germanTitleSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// isRole reports whether a lower-cased head noun is a role that stands for
// a named person ("the minister", "la ministre").
func isRole(w string) bool {
	return wordClasses.get(w)&clsRole != 0 // roleNouns or foreignRoles, in one lookup
}

// foreignAdverbs may sit between a subject and its verb ("il a également
// souligné").
var foreignAdverbs = set("également aussi encore ensuite notamment alors pourtant también además luego ya auch noch bereits zudem anche inoltre poi também ainda já depois также тоже ещё")

// frenchClitic splits an inverted French pronoun from its verb: "dit-il",
// "a-t-elle", "ajoute-t-il" give the verb and the pronoun.
func frenchClitic(w string) (verb, pron string, ok bool) {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 {
		return "", "", false
	}
	switch strings.ToLower(w[k+1:]) {
	case "il", "elle", "ils", "elles", "on":
	default:
		return "", "", false
	}
	verb = strings.TrimSuffix(w[:k], "-t")
	l := strings.ToLower(verb)
	if !foreignCues[l] && !foreignAux[l] {
		return "", "", false
	}
	return verb, w[k+1:], true
}

// learnGender sets the entity's gender when it is still unknown.
func (e *entity) learnGender(g byte) {
	if e.gender == 0 && !e.org {
		e.gender = g
	}
}

// roleGender is the gender a role phrase gives its holder: from the article
// before it ("la ministre", "el presidente", "die Sprecherin") or from the
// role word's own ending ("ministra", "Innenministerin").
func roleGender(det, role string) byte {
	switch det {
	case "la", "una", "une", "die", "eine":
		return 'f'
	case "le", "el", "il", "lo", "der", "ein", "un":
		return 'm'
	}
	if feminineRoles[role] {
		return 'f'
	}
	for _, suf := range germanTitleSuffixes {
		if strings.HasSuffix(role, suf) && len(role) > len(suf)+2 && strings.HasSuffix(suf, "in") && !strings.HasSuffix(suf, "ein") {
			return 'f'
		}
	}
	return 0
}

// feminineRoles are role words only a woman holds.
var feminineRoles = set("ministra presidenta diputada senadora directora secretaria alcaldesa jueza abogada présidente directrice sénatrice députée avocate procureure ministerin kanzlerin präsidentin sprecherin bürgermeisterin prefeita sindaca deputata diretora juíza cheffe jefa")

// foreignArticles open a capitalised run without being part of a name's
// key ("La Constitución", "Le Monde").
var foreignArticles = set("la le les el los las il lo gli der die das")

package quotes

import "strings"

// Common given names whose gender is rarely in doubt, used only to keep "he"
// and "she" from resolving to a person of the other gender. Names used for
// both (Taylor, Jordan, Alex, Sam, Robin, Jean, Andrea …) are left out, and a
// name's gender learnt from the article's own pronouns is never overridden.

var femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia amy
kathleen angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice julia grace judy theresa
madison beverly denise marilyn amber danielle rose brittany diana abigail natalie jane lori alexis tiffany kayla
sophia isabella ava mia charlotte amelia harper ella chloe zoe lily nora hazel aurora eleanor claire alice caroline
valentina camila lucia sofia ana carmen rosa elena isabel marta laura paula silvia beatriz fernanda gabriela
anne marie sophie camille chloe lea manon ines sarah julie nathalie isabelle sylvie valerie celine
anja petra sabine ursula monika claudia katrin birgit ingrid greta
olga tatiana natalia svetlana irina yulia ekaterina anastasia elena
ольга татьяна наталья наталия светлана ирина юлия екатерина анастасия елена галина анна мария марина людмила
priya anjali sunita deepika aisha fatima leila yasmin amina zainab
mei ling xiu yan keiko yuki sakura hana
hillary kamala alexandria kirsten kristi nikki sheryl oprah
kristen meryl margot scarlett sonia fiona jacinda sanna sonya kimberley carrie mariah whitney dolly`)

var maleNames = set(`james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger gerald harold sean austin carl arthur lawrence dylan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis
liam oliver lucas henry theodore jack levi sebastian mateo owen luke hudson
carlos luis miguel jorge javier pedro pablo diego rafael fernando alejandro manuel antonio francisco ricardo
jean-pierre jean-claude pierre jacques michel philippe alain francois nicolas emmanuel olivier laurent thierry
hans klaus jurgen wolfgang dieter gerhard helmut horst uwe heinz olaf friedrich
vladimir sergei sergey dmitry dmitri alexei alexey ivan mikhail nikolai andrei igor yuri boris gennady viktor
владимир сергей дмитрий алексей иван михаил николай андрей игорь юрий борис геннадий виктор александр павел
mohammed muhammad ahmed ali hassan hussein omar mahmoud ibrahim khalid abdul yusuf mustafa
hiroshi takeshi kenji akira shinzo
rahul raj amit sanjay vijay narendra arvind
donald barack bernie joe mike mitch chuck kurt gordon rudy rudolph adam devin ted marco
elon jeff tim mark bill steve warren sundar satya jensen reed
tom brad leonardo denzel keanu will kanye jay drake justin ed elton bono mick paul ringo
rafael novak roger andy lebron kobe tiger cristiano lionel neymar diego tom patrick aaron
dan jim matt josh tony dave steve ben`)

// nameGender is the gender of a given name, or 0.
func nameGender(first string) byte {
	return nameGenders[first]
}

// nameGenders are the genders of the names in only one of femaleNames and
// maleNames, for one lookup a name.
var nameGenders = func() map[string]byte {
	g := map[string]byte{}
	for n := range femaleNames {
		if !maleNames[n] {
			g[n] = 'f'
		}
	}
	for n := range maleNames {
		if !femaleNames[n] {
			g[n] = 'm'
		}
	}
	return g
}()

// nounGender gives the gender of nouns for people.
var nounGender = map[string]byte{
	"woman": 'f', "mother": 'f', "daughter": 'f', "wife": 'f', "sister": 'f', "girl": 'f', "grandmother": 'f',
	"aunt": 'f', "niece": 'f', "girlfriend": 'f', "widow": 'f', "actress": 'f', "spokeswoman": 'f', "businesswoman": 'f',
	"man": 'm', "father": 'm', "son": 'm', "husband": 'm', "brother": 'm', "boy": 'm', "grandfather": 'm',
	"uncle": 'm', "nephew": 'm', "boyfriend": 'm', "widower": 'm', "actor": 'm', "spokesman": 'm', "businessman": 'm',
}

// cueGender is the gender a verb's agreement gives its subject: Russian
// past tenses end in -л for a man and -ла for a woman ("сказал",
// "заявила").
func cueGender(cue string) byte {
	switch {
	case !foreignCues[cue]:
		return 0
	case strings.HasSuffix(cue, "ла"):
		return 'f'
	case strings.HasSuffix(cue, "л"):
		return 'm'
	}
	return 0
}

package metadata

import (
	"byline/internal/fastre"
	"strconv"
	"strings"
	"time"
)

// machineLayouts are the layouts of machine-readable dates (meta content,
// JSON-LD, datetime attributes), tried in order. Fractional seconds are
// accepted by time.Parse after any seconds field.
var machineLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05Z07",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"20060102T150405Z0700",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05 Z07:00",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 02 2006 15:04:05 GMT-0700",
	time.RFC850,
	time.ANSIC,
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"02.01.2006",
}

var (
	isoPrefixRe = fastre.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	epochRe     = fastre.MustCompile(`^\d{10}(\d{3})?$`)
	// urlDateRe finds a full date in a URL path: /2024/05/17/, /2024-05-17/, /20240517/.
	urlDateRe = fastre.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])([/_-]?)(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	// textDateRe finds a written date: ISO, "May 17, 2024", "17 May 2024",
	// "17. Mai 2024", "17 de mayo de 2024", "17.05.2024", "November 20
	// 15:23 2019" (the time between day and year), "2024年5月17日",
	// "2024년 5월 17일".
	textDateRe = fastre.MustCompile(`(?i)\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b` +
		`|\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b` +
		`|(?:^|[^\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|\.|º|°|ª)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d{2})\b` +
		`|\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b` +
		`|\b(\p{L}{3,10})\.?\s+(\d{1,2}),?\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+((?:19|20)\d{2})\b` +
		`|((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?`)
	// clockAfterRe is a time of day right after a written date ("May 17,
	// 2024 at 3:46 PM EDT", "30 avril 2015 à 07h19", "17.05.2024, 14:30
	// Uhr", "2024-05-17T14:30"), with an optional zone.
	clockAfterRe = fastre.MustCompile(`(?i)^(?:[\s,|/–—-]|t|at|à|a las|às|alle|ore|um|kl\.?|в|om|г\.?|года)*` + clockPattern)
	// clockBeforeRe is a time of day right before a written date ("14:30
	// GMT, 5 March 2024").
	clockBeforeRe = fastre.MustCompile(`(?i)` + clockPattern + `(?:\s|,|on|le|am|el|del|il|em|\||–|—|-|/)*$`)
)

// clockPattern is a time of day (hours, minutes, optional seconds, am/pm,
// "Uhr") and an optional zone: an abbreviation or "GMT+2", "UTC-05:00".
const clockPattern = `(\d{1,2})(?::|h)(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*uhr\b|\s*h\b)?` +
	`(?:\s*\(?\s*((?:gmt|utc)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[a-z]{1,5}\b|мск)\)?)?`

// zoneOffsets are the zone abbreviations that news pages print, in
// seconds east of UTC. Ambiguous ones (IST) are left out; "CST" is the
// North American one. ET, CT, MT and PT follow the US daylight-saving
// rule (usOffset).
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "UT": 0, "WET": 0, "BST": 3600, "WEST": 3600,
	"CET": 3600, "MEZ": 3600, "CEST": 7200, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800, "МСК": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600, "AWST": 8 * 3600,
	"ACST": 34200, "ACDT": 37800, "AEST": 10 * 3600, "AEDT": 11 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// usZones are the US zones printed without "S"/"D", by standard offset.
var usZones = map[string]int{"ET": -5, "CT": -6, "MT": -7, "PT": -8}

// months maps month names and their usual abbreviations in the main news
// languages to month numbers.
var months = map[string]time.Month{}

func init() {
	names := [][]string{
		{"january", "jan", "janvier", "janv", "januar", "jän", "enero", "ene", "janeiro", "gennaio", "genn", "gen", "januari", "styczeń", "января", "январь", "янв"},
		{"february", "feb", "févr", "fevr", "février", "fevrier", "februar", "febrero", "fevereiro", "fev", "febbraio", "febr", "februari", "февраля", "февраль", "фев", "февр"},
		{"march", "mar", "mars", "märz", "marz", "mär", "marzo", "março", "marco", "maart", "mrt", "марта", "март", "мар"},
		{"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель", "апр"},
		{"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "мая", "май"},
		{"june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu", "июня", "июнь", "июн"},
		{"july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug", "июля", "июль", "июл"},
		{"august", "aug", "août", "aout", "agosto", "ago", "augustus", "августа", "август", "авг"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre", "сентября", "сентябрь", "сен", "сент"},
		{"october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre", "ott", "октября", "октябрь", "окт"},
		{"november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "ноя", "нояб"},
		{"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre", "desember", "декабря", "декабрь", "дек"},
	}
	for i, ns := range names {
		for _, n := range ns {
			months[n] = time.Month(i + 1)
		}
	}
}

// when is a parsed date.
type when struct {
	t time.Time
	// local: the value gave a day, or a wall-clock time, but no zone. t
	// holds it as if in UTC until [when.in] places it in the page's zone.
	local bool
	// zoned: the value named its zone or offset (an epoch has neither).
	zoned bool
}

// in is the date, a local one read in zone when zone is known. With no
// zone known, a local value keeps only its day, at midnight UTC: a wall
// clock time given as UTC would claim an instant the page never gave
// (see "Time zones" in doc.go).
func (w when) in(zone *time.Location) time.Time {
	if !w.local || w.t.IsZero() {
		return w.t
	}
	t := w.t
	if zone == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), zone)
}

// parseDate reads a machine-readable date, else a written one.
func parseDate(s string) (when, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return when{}, false
	}
	if epochRe.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		t, ok := sane(time.Unix(n, 0))
		return when{t: t}, ok
	}
	// "+0100" style zones and a trailing "UTC" are common.
	s = strings.TrimSuffix(s, " UTC")
	for _, l := range machineLayouts {
		if !layoutFits(l, s) {
			continue
		}
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		w := when{local: true}
		if strings.Contains(l, "07") || strings.Contains(l, "MST") {
			w.local, w.zoned = false, true
			if strings.Contains(l, "MST") {
				t, w.zoned = knownZone(t)
				w.local = !w.zoned
			}
		}
		var ok bool
		w.t, ok = sane(t)
		return w, ok
	}
	// A value that starts with an ISO date but has some other tail: keep the day.
	if m := isoPrefixRe.FindString(s); m != "" {
		if t, err := time.Parse("2006-01-02", m); err == nil {
			t, ok := sane(t)
			return when{t: t, local: true}, ok
		}
	}
	return parseTextDate(s)
}

// layoutFits reports whether s may have the layout, by how they open: a
// layout that opens with the year needs four digits, one that opens with
// the day a digit, one that opens with a weekday or month name a letter.
// Most values fit few layouts, and each that fails costs time.Parse an
// error value.
//
// A layout that opens with "2006-01-02" or "2006/01/02" (fixed-width
// fields) also needs s to hold that separator at the same places, and
// what follows the day: the end of s, or the layout's next byte.
func layoutFits(layout, s string) bool {
	if strings.HasPrefix(layout, "2006") {
		if len(s) < 5 || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) {
			return false
		}
		sep := layout[4]
		if isDigit(sep) {
			return isDigit(s[4])
		}
		if s[4] != sep || len(s) < 10 || s[7] != sep {
			return false
		}
		if len(layout) == 10 {
			return len(s) == 10
		}
		return len(s) > 10 && s[10] == layout[10]
	}
	return s != "" && isDigit(layout[0]) == isDigit(s[0])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// knownZone gives a time parsed with a zone abbreviation the offset of
// that abbreviation (time.Parse knows only UTC and the machine's own
// zone); ok is false for an abbreviation it does not know, and t then
// holds the wall clock as UTC.
func knownZone(t time.Time) (time.Time, bool) {
	name, _ := t.Zone()
	off, ok := zoneOffset(name, t)
	if !ok {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone("", off)), true
}

// zoneOffset is the offset of a zone abbreviation ("CEST"), a generic US
// zone ("ET", by the date) or an offset written "GMT+2", "UTC-05:30".
func zoneOffset(name string, day time.Time) (int, bool) {
	name = strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(name, "−", "-")), ""))
	if off, ok := zoneOffsets[name]; ok {
		return off, true
	}
	if h, ok := usZones[name]; ok {
		if usDST(day) {
			h++
		}
		return h * 3600, true
	}
	if len(name) > 4 && (strings.HasPrefix(name, "GMT") || strings.HasPrefix(name, "UTC")) {
		rest := name[3:]
		sign := 1
		switch rest[0] {
		case '-':
			sign = -1
		case '+':
		default:
			return 0, false
		}
		rest = strings.ReplaceAll(rest[1:], ":", "")
		var h, m int
		var err error
		switch len(rest) {
		case 1, 2:
			h, err = strconv.Atoi(rest)
		case 3, 4:
			h, err = strconv.Atoi(rest[:len(rest)-2])
			if err == nil {
				m, err = strconv.Atoi(rest[len(rest)-2:])
			}
		default:
			return 0, false
		}
		if err != nil || h > 14 || m > 59 {
			return 0, false
		}
		return sign * (h*3600 + m*60), true
	}
	return 0, false
}

// usDST reports whether the day falls in US daylight-saving time: from the
// second Sunday of March to the first Sunday of November.
func usDST(t time.Time) bool {
	y, m, d := t.Date()
	if m < time.March || m > time.November {
		return false
	}
	if m > time.March && m < time.November {
		return true
	}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
	firstSunday := 1 + (7-int(first))%7
	if m == time.March {
		return d >= firstSunday+7
	}
	return d < firstSunday
}

// sane rejects years out of range and gives the time a fixed zone (UTC
// for a zero offset), whatever the machine's local zone.
func sane(t time.Time) (time.Time, bool) {
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	if _, off := t.Zone(); off != 0 {
		return t.In(time.FixedZone("", off)), true
	}
	return t.UTC(), true
}

// parseTextDate finds the first written date in s ("Updated May 17, 2024
// at 3:46 PM", "17. Mai 2024"), with the time of day and zone written
// right after or before it.
func parseTextDate(s string) (when, bool) {
	w, _, ok := findTextDate(s)
	return w, ok
}

// findTextDate is parseTextDate that also gives where the date starts in s.
func findTextDate(s string) (when, int, bool) {
	if !hasYear(s) {
		return when{}, -1, false
	}
	for _, loc := range textDateRe.FindAllStringSubmatchIndex(s, 4) {
		g := func(i int) string {
			if loc[2*i] < 0 {
				return ""
			}
			return s[loc[2*i]:loc[2*i+1]]
		}
		var y, d int
		var mo time.Month
		clock := ""
		switch {
		case g(1) != "":
			y, _ = strconv.Atoi(g(1))
			n, _ := strconv.Atoi(g(2))
			mo = time.Month(n)
			d, _ = strconv.Atoi(g(3))
		case g(4) != "":
			mo = months[strings.ToLower(g(4))]
			d, _ = strconv.Atoi(g(5))
			y, _ = strconv.Atoi(g(6))
		case g(7) != "":
			d, _ = strconv.Atoi(g(7))
			mo = months[strings.ToLower(g(8))]
			y, _ = strconv.Atoi(g(9))
		case g(10) != "":
			d, _ = strconv.Atoi(g(10))
			n, _ := strconv.Atoi(g(11))
			mo = time.Month(n)
			y, _ = strconv.Atoi(g(12))
		case g(17) != "":
			y, _ = strconv.Atoi(g(17))
			n, _ := strconv.Atoi(g(18))
			mo = time.Month(n)
			d, _ = strconv.Atoi(g(19))
		case g(13) != "":
			mo = months[strings.ToLower(g(13))]
			d, _ = strconv.Atoi(g(14))
			clock = g(15)
			y, _ = strconv.Atoi(g(16))
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if day.Day() != d {
			continue
		}
		w := when{t: day, local: true}
		if clock != "" {
			w = withClock(day, clockAfterRe.FindStringSubmatch(clock))
		} else if m := clockAfterRe.FindStringSubmatch(s[loc[1]:min(len(s), loc[1]+40)]); m != nil {
			w = withClock(day, m)
		} else if m := clockBeforeRe.FindStringSubmatch(s[max(0, loc[0]-32):loc[0]]); m != nil {
			w = withClock(day, m)
		}
		if t, ok := sane(w.t); ok {
			w.t = t
			return w, loc[0], true
		}
	}
	return when{}, -1, false
}

// hasYear reports whether s holds a year from 1900 to 2099 in digits,
// which every form of textDateRe has: most texts do not, and need not go
// through that pattern.
func hasYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// withClock sets the time of day of day from a clockPattern match (m[1]
// hours … m[5] zone), in the written zone when it is known.
func withClock(day time.Time, m []string) when {
	w := when{t: day, local: true}
	if m == nil {
		return w
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec, _ := strconv.Atoi(m[3])
	switch strings.ToLower(m[4]) {
	case "a":
		if h == 12 {
			h = 0
		}
	case "p":
		if h < 12 {
			h += 12
		}
	}
	if h > 23 || mi > 59 || sec > 59 {
		return w
	}
	w.t = time.Date(day.Year(), day.Month(), day.Day(), h, mi, sec, 0, time.UTC)
	if m[5] != "" {
		if off, ok := zoneOffset(m[5], day); ok {
			w.t = time.Date(day.Year(), day.Month(), day.Day(), h, mi, sec, 0, time.FixedZone("", off))
			w.local, w.zoned = false, true
		}
	}
	return w
}

// urlDate finds a full date in the path of a URL: a day, without a zone.
func urlDate(path string) (when, bool) {
	m := urlDateRe.FindStringSubmatch(path)
	if m == nil || m[2] != m[4] {
		return when{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[3]+"-"+m[5])
	if err != nil {
		return when{}, false
	}
	t, ok := sane(t)
	return when{t: t, local: true}, ok
}

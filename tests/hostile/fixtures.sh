#!/bin/sh
# Writes the hostile inputs of inputs.tsv into directory $1.
set -eu
d=$1
mkdir -p "$d"
cd "$d"
fm() { printf -- '---\ntitle: %s\nprinciples: [ownership]\n---\n## Action\n' "$1"; }
# Invalid UTF-8 of every kind.
{ fm t; printf 'over\300\257long\n'; } > overlong.md
{ fm t; printf 'sur\355\240\200rogate\n'; } > surrogate.md
{ fm t; printf 'trunc\342\202'; } > truncated.md
{ fm t; printf 'lone \200 continuation\n'; } > continuation.md
{ fm t; printf 'high \365\200\200\200 byte\n'; } > f5.md
{ fm t; printf 'ff \377 byte\n'; } > ff.md
{ fm t; printf 'nul\000byte\n'; } > nul.md
{ printf '\357\273\277'; fm bom; printf 'I did it.\n'; } > bom.md
{ fm crlf; printf 'I did it.\n'; } | sed 's/$/\r/' > crlf.md
{ fm big; head -c 1048576 /dev/zero | tr '\0' a; } | head -c 1048577 > big.md
: > empty.md
printf '   \n\n' > blank.md
printf 'no front matter\n' > nofm.md
printf -- '---\ntitle: t\n' > unclosed.md
printf -- '---\nprinciples: [ownership]\n---\n' > notitle.md
printf -- '---\ntitle: [oops\n---\n' > badyaml.md
printf -- '---\ntitle: t\nprincipels: [x]\n---\n' > unknownkey.md
printf -- '---\ntitle: t\nprinciples: [not-a-principle]\n---\n' > badprinciple.md
# Deep nesting, huge YAML, and a billion-laughs document.
{ printf -- '---\ntitle: t\ntags: '; head -c 20000 /dev/zero | tr '\0' '['; printf '\n---\n'; } > nested.md
# 90,000 tags (near the 1 MiB limit of a story file): removing the
# duplicates must not compare every pair.
{ printf -- '---\ntitle: t\ntags: ['; awk 'BEGIN { for (i = 0; i < 90000; i++) printf "tag%d, ", i }'; printf 'end]\n---\n'; } > hugeyaml.md
cat > laughs.md <<'Y'
---
title: &a lol
tags: [*a, *a, *a, *a, *a, *a, *a, *a, *a]
---
Y
cat > laughs2.md <<'Y'
---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
title: t
---
Y
# Duplicate uids in one import.
mkdir dupdir
printf -- '---\nuid: same\ntitle: one\n---\n## Action\nx\n' > dupdir/a.md
printf -- '---\nuid: same\ntitle: two\n---\n## Action\ny\n' > dupdir/b.md
# Titles with SQL metacharacters, printf directives and terminal escapes.
printf -- "---\nuid: sqlish\ntitle: \"Robert'); DROP TABLE story;-- %%n %%s %%x\"\n---\n## Action\nx\n" > sql.md
printf -- '---\nuid: esc\ntitle: "osc52 \\e]52;c;aGVsbG8=\\a clear \\e[2J c1 \\u009b bidi \\u202e"\nproject: "\\e[31mred"\ntags: ["\\u202etag"]\n---\n## Action\nx\033]52;c;aGk=\007y\n' > escapes.md
# Export hazards: a uid that is a path, and long titles.
printf -- '---\nuid: ../../.bashrc\ntitle: t\n---\n' > pathuid.md
printf -- '---\nuid: a/b\ntitle: t\n---\n' > slashuid.md
printf -- '---\nuid: ..\ntitle: t\n---\n' > dotdotuid.md
{ printf -- '---\ntitle: '; head -c 300 /dev/zero | tr '\0' x; printf '\n---\n## Action\nI did it.\n'; } > longtitle.md
printf -- '---\ntitle: ../../.bashrc\n---\n## Action\nI did it.\n' > pathtitle.md
# JSON hazards.
printf '[{"title": "a", "title": "b"}]' > dupkey.json
printf '[{"title": "nul\\u0000inside"}]' > nul.json
printf '{"stories": 1}' > notstories.json
printf '[1, 2, 3]' > numbers.json
head -c 100000 /dev/zero | tr '\0' '[' > deep.json
# Banks that are not what they seem.
head -c 65536 /dev/urandom > random.db
printf 'SQLite format 3\000' > truncated.db
# 100,000 tiny files in one import.
mkdir tiny
i=0
while [ $i -lt 100000 ]; do : > "tiny/$i.md"; i=$((i+1)); done 2>/dev/null || \
    seq 0 99999 | sed 's|^|tiny/|; s|$|.md|' | xargs touch
# A code fence never closed: it would take in the headings after it.
{ fm openfence; printf '```\ncode\n## Result\nIt worked.\n'; } > openfence.md
# Rule files with catastrophic patterns and broken regexes.
mkdir slowrules badrules stackrules bombrules altrules
printf "rules:\n  - id: slow\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(a+)+\$', '(?=.*x)(?=.*y)']\n    examples: {flag: [a, b], pass: [c, d]}\n" > slowrules/slow.yaml
printf "rules:\n  - id: deep\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['%s']\n    examples: {flag: [a, b], pass: [c, d]}\n" "$(head -c 3000 /dev/zero | tr '\0' '(')a$(head -c 3000 /dev/zero | tr '\0' ')')" > badrules/deep.yaml
# Lookaheads that scan to the end from every position: quadratic, and
# JIT does not count that scanning against the match limit.
printf "rules:\n  - id: bomb\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(?=.*x)(?=.*y)']\n    examples: {flag: [xy, yx], pass: [c, d]}\n" > bombrules/bomb.yaml
# Exhausts the JIT stack, while the interpreter sees at once that no 'b'
# occurs: the same rubric must give the same answer with and without JIT.
printf "rules:\n  - id: alt\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(a|a)*b']\n    examples: {flag: [ab, b], pass: [c, d]}\n" > altrules/alt.yaml
# Defeats the start-up optimisations, so the first attempt recurses once
# per character: the JIT stack (1 MiB) or, without JIT, the depth limit.
printf "rules:\n  - id: stack\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(*NO_START_OPT)(a|b|ab)*c']\n    examples: {flag: [ac, bc], pass: [x, y]}\n" > stackrules/stack.yaml
# One word of a million letters: every default rule must stay linear in
# it, even in the PCRE2 interpreter.
{ fm huge; head -c 1000000 /dev/zero | tr '\0' a; printf ' I did it.\n'; } > hugeword.md
{ fm long; head -c 100000 /dev/zero | tr '\0' a; printf 'b\n'; } > longtext.md
# 100,000 comments opened and never closed: text, and each "<!--" must
# not send a scan to the end of the section again.
{ fm unclosed; printf "I did it "; i=0; while [ $i -lt 100 ]; do
	head -c 1000 /dev/zero | sed 's/\x0/<!-- /g'; i=$((i + 1)); done
  printf ' and it worked.\n'; } > unclosed-comments.md
# A run of 100,000 digits where every figure rule looks for a number.
{ printf -- '---\ntitle: Digits\nprinciples: [frugality]\n---\n## Action\nI cut '
  head -c 100000 /dev/zero | tr '\0' 7; printf ' dollars of cost.\n## Result\nIt saved '
  head -c 100000 /dev/zero | tr '\0' 9; printf ' dollars.\n'; } > longdigits.md
# Rule files nested deep enough that libyaml's loader, whose scanner
# does work in proportion to the depth for every token, takes minutes.
mkdir deeprules deep1mrules
{ printf 'rules: '; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'; } > deeprules/deep.yaml
{ printf 'rules: '; head -c 1000000 /dev/zero | tr '\0' '['; printf '\n'; } > deep1mrules/deep.yaml
# Rule files built to blow up while they load.  Fragments that fan out
# ten ways over eight levels: 760 bytes that would expand to 600 MB.
mkdir fanrules fanbigrules manydefrules
rulefile() { printf 'rules:\n  - id: %s\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    examples: {flag: [a, b], pass: [c, d]}\n    patterns:\n' "$1"; }
fragments() {
	printf "define:\n  f0: '%s'\n" "$1"
	i=1
	while [ "$i" -le "$2" ]; do
		printf "  f%d: '" "$i"; k=0
		while [ $k -lt 10 ]; do printf '{{f%d}}' $((i - 1)); k=$((k + 1)); done
		printf "'\n"; i=$((i + 1))
	done
}
{ fragments ab 8; rulefile fan; printf "      - '{{f8}}'\n"; } > fanrules/fan.yaml
# Each pattern just under the 64 KiB cap and too large for PCRE2: an
# error that quoted the expansion was 54 KB a pattern.
{ fragments a 4; rulefile fanbig; i=0; while [ $i -lt 100 ]; do
	printf "      - '{{f4}}'\n"; i=$((i + 1)); done; } > fanbigrules/fanbig.yaml
# 80,000 fragments, each once looked for among all the others.
{ printf 'define:\n'; seq 0 79999 | sed 's/.*/  d&: x/'; rulefile many
  printf "      - '{{d79999}}'\n"; } > manydefrules/many.yaml
# YAML "\0" escapes: a C string would end there, cutting the value short.
printf -- '---\ntitle: "Cut\\0 short"\nprinciples: [ownership]\n---\n## Action\nI did it.\n' > nultitle.md
printf -- '---\ntitle: t\nprinciples: [ownership]\ntags: [mle, "x\\0y"]\n---\n## Action\nI did it.\n' > nultag.md
printf -- '---\ntitle: t\nprinciples: [dive-deep, "ownership\\0evil"]\n---\n## Action\nI did it.\n' > nulprinciple.md
mkdir nulrules
printf "rules:\n  - id: nul\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: \"m\\\\0\"\n    patterns: ['zzz']\n    examples: {flag: [zzz, zzz zzz], pass: [c, d]}\n" > nulrules/nul.yaml

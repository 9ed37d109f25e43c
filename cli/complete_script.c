/*
 * The completion scripts printed by lpcoach __complete --script SHELL (see
 * cli/complete.h).  Each only hands the words before the cursor to
 * lpcoach __complete and gives the shell what it prints: the words come
 * from the option tables, so no script has to change with a command.
 */
#include "cli/complete.h"

#include <stdio.h>
#include <string.h>

/*
 * bash splits "--format=json" at '=' (COMP_WORDBREAKS): the words are
 * joined again before asking, and since readline replaces only the text
 * after the last '=', the words offered lose what comes before it.
 */
static const char bash_script[] =
"# bash completion for lpcoach (made by 'lpcoach __complete --script bash')\n"
"_lpcoach() {\n"
"\tlocal i w cur kind cut= line words=()\n"
"\tfor ((i = 1; i <= COMP_CWORD; i++)); do\n"
"\t\tw=${COMP_WORDS[i]}\n"
"\t\tif ((i > 1 && ${#words[@]} > 0)) &&\n"
"\t\t    [[ $w == = || ${COMP_WORDS[i-1]} == = ]]; then\n"
"\t\t\twords[${#words[@]}-1]+=$w\n"
"\t\telse\n"
"\t\t\twords+=(\"$w\")\n"
"\t\tfi\n"
"\tdone\n"
"\t((${#words[@]})) || words=(\"\")\n"
"\tcur=${words[${#words[@]}-1]}\n"
"\tif [[ $cur == *=* && ${COMP_WORDS[COMP_CWORD]} != \"$cur\" ]]; then\n"
"\t\tcut=${cur%\"${cur##*=}\"}\n"
"\tfi\n"
"\tCOMPREPLY=()\n"
"\twhile IFS= read -r line; do\n"
"\t\tif [[ -z $kind ]]; then\n"
"\t\t\tkind=$line\n"
"\t\t\tcontinue\n"
"\t\tfi\n"
"\t\tline=${line#\"$cut\"}\n"
"\t\tif [[ $kind == files ]]; then\n"
"\t\t\tCOMPREPLY+=(\"$line\")\n"
"\t\telse\n"
"\t\t\tprintf -v line '%q' \"$line\"\n"
"\t\t\tCOMPREPLY+=(\"$line\")\n"
"\t\tfi\n"
"\tdone < <(\"${COMP_WORDS[0]}\" __complete -- \"${words[@]}\" 2>/dev/null)\n"
"\tif [[ $kind == files ]]; then\n"
"\t\tcompopt -o filenames 2>/dev/null\n"
"\t\twhile IFS= read -r line; do\n"
"\t\t\tCOMPREPLY+=(\"$line\")\n"
"\t\tdone < <(compgen -f -- \"${cur#\"$cut\"}\")\n"
"\tfi\n"
"}\n"
"complete -F _lpcoach lpcoach\n";

static const char zsh_script[] =
"#compdef lpcoach\n"
"# zsh completion for lpcoach (made by 'lpcoach __complete --script zsh')\n"
"local -a reply\n"
"reply=(\"${(@f)$(${~words[1]} __complete -- \"${(@)words[2,CURRENT]}\" "
"2>/dev/null)}\")\n"
"(( ${#reply} > 1 )) && compadd -- \"${(@)reply[2,-1]}\"\n"
"[[ ${reply[1]} == files ]] && _files\n"
"return 0\n";

static const char fish_script[] =
"# fish completion for lpcoach (made by 'lpcoach __complete --script fish')\n"
"function __lpcoach_complete\n"
"\tset -l cur (commandline -ct)\n"
"\tset -l words (commandline -opc) \"$cur\"\n"
"\tset -l reply ($words[1] __complete -- $words[2..-1] 2>/dev/null)\n"
"\tor return\n"
"\tif test \"$reply[1]\" = files\n"
"\t\t__fish_complete_path \"$cur\"\n"
"\tend\n"
"\tprintf '%s\\n' $reply[2..-1]\n"
"end\n"
"complete -c lpcoach -f -a '(__lpcoach_complete)'\n";

int
complete_script(const char *shell)
{
	if (strcmp(shell, "bash") == 0)
		fputs(bash_script, stdout);
	else if (strcmp(shell, "zsh") == 0)
		fputs(zsh_script, stdout);
	else if (strcmp(shell, "fish") == 0)
		fputs(fish_script, stdout);
	else
		return -1;
	return 0;
}

int
complete_main(const struct cmd_spec *top, int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--script") == 0) {
		if (complete_script(argv[2]) == 0)
			return ST_OK;
		return error("__complete: no script for '%s' (bash, zsh or "
		    "fish)", argv[2]);
	}
	if (argc >= 2 && strcmp(argv[1], "--") == 0)
		return complete_words(top, argc - 2, argv + 2);
	return complete_words(top, argc - 1, argv + 1);
}

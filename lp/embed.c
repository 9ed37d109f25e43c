#include "lp/embed.h"

EMBED(lpc_guide_yaml, "lp/data/guide.yaml");
EMBED(lpc_questions_yaml, "lp/data/questions.yaml");
EMBED(lpc_loops_yaml, "lp/data/loops.yaml");
EMBED(lpc_match_yaml, "lp/data/match.yaml");

struct embedded
embed_guide(void)
{
	return EMBEDDED(lpc_guide_yaml, "guide.yaml");
}

struct embedded
embed_questions(void)
{
	return EMBEDDED(lpc_questions_yaml, "questions.yaml");
}

struct embedded
embed_loops(void)
{
	return EMBEDDED(lpc_loops_yaml, "loops.yaml");
}

struct embedded
embed_match(void)
{
	return EMBEDDED(lpc_match_yaml, "match.yaml");
}

EMBED(lpc_followups_yaml, "lp/data/followups.yaml");

struct embedded
embed_followups(void)
{
	return EMBEDDED(lpc_followups_yaml, "followups.yaml");
}

#include "lp/embed.h"

EMBED(lpc_principles_yaml, "lp/data/principles.yaml");
EMBED(lpc_questions_yaml, "lp/data/questions.yaml");

struct embedded
embed_principles(void)
{
	return EMBEDDED(lpc_principles_yaml, "principles.yaml");
}

struct embedded
embed_questions(void)
{
	return EMBEDDED(lpc_questions_yaml, "questions.yaml");
}

#include "stories/embed.h"

EMBED(lpc_principle_names_yaml, "stories/data/principles.yaml");

struct embedded
embed_principle_names(void)
{
	return EMBEDDED(lpc_principle_names_yaml, "principles.yaml");
}

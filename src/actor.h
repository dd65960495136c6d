/* actor.h: who acts in an item, found where Korean news names its
 * actor (the title's first phrase, the first bullet's subject, a
 * person's title, a pair, a bracket) and looked up in the name lists. */
#ifndef DIGEST_ACTOR_H
#define DIGEST_ACTOR_H

#include "config.h"
#include "model.h"
#include "names.h"

enum actor_place {
	ACT_START,	/* the title's first words */
	ACT_LEAD,	/* the rest of the title's first phrase */
	ACT_SUBJECT,	/* the first bullet's subject: "OO가" */
	ACT_TITLE,	/* the rest of the title */
	ACT_BRACKET,	/* in brackets: "(KIST)" */
	NPLACES
};

struct actor {
	const char	*text;		/* the words found, as written */
	size_t		 len;
	int		 place;		/* enum actor_place */
	int		 pair;		/* 0, or the side of an A-B pair */
	int		 head;		/* found before a person's title */
	double		 weight;
	struct name_hit	 hit;
};

/* The actors of one item, grown as found. */
struct actor_list {
	struct actor	*v;
	size_t		 n, cap;
};

struct actors {
	const struct names *names;
	double		 weight[NPLACES];
	double		 pair;		/* share of a pair's later sides */
	struct actor_head {
		char	*title;		/* "회장", "시장" ... */
		char	*keep;		/* what stays of the name: "", "시" */
	}		*heads;
	size_t		 nheads, headcap;
};

extern const char *const actor_places[NPLACES];

/* Reads [names] weights and heads; names may be NULL (no lists). */
void	 actors_init(struct actors *, const struct config *,
	    const struct names *);
void	 actors_free(struct actors *);

/* Finds the item's actors that the lists know, in the order found,
 * into list (emptied first); returns how many. */
size_t	 actors_find(const struct actors *, const struct item *,
	    struct actor_list *list);
void	 actor_list_free(struct actor_list *);

/* The first bullet's subject: the first of its first twelve words that
 * ends in a subject particle.  Sets [*hs, *he). */
int	 find_subject(const char *b, size_t *hs, size_t *he);

#endif

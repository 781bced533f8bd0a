/** Short pages of each genre, written for these tests. */
export const RECIPE = `Pear and ginger jam

This jam is a family favourite. It will thicken as it cools, so do not worry if it looks runny.

Ingredients

2 pounds ripe pears

1 1/2 cups sugar

2 tbsp lemon juice

1 tsp grated ginger

Instructions

Cube and peel the pears with a paring knife.

Add the pears, sugar and lemon juice to a heavy pot.

Bring to a boil, then simmer for 25 minutes, stirring often.

Stir in the ginger and cook 5 more minutes.

Pour into warm jars and let them cool on the counter.`;

export const DEALS = `Best laptop deals this week

The Aero 14 is down to $899 at Best Buy, its lowest price ever. Was $1,199.

The Swift 5 is $649 on Amazon, 20% off its list price.

The Book Pro 16 drops to $1,499 with free shipping. Add to cart before the sale ends.

The Flex 3 is $379, a discount of $120. Also in stock at Walmart for $389.

Our favourite budget pick is $299 today only.`;

export const DOCS = `Configuring the client

Install the package with npm install harbor-client and import it.

const client = createClient({ url: process.env.HARBOR_URL, retries: 3 });

client.on('ready', () => console.log(\`connected to \${client.url}\`));

Parameters: url is the server address; retries defaults to 3.

Returns: a client whose connect() method resolves when the socket is open.

Pass --verbose to the CLI to log every request.`;

export const ENCYCLOPEDIC = `The Danube is the second-longest river in Europe, after the Volga. It flows through much of Central and Southeastern Europe, from the Black Forest into the Black Sea. Its drainage basin extends into nine more countries. The river was once a long-standing frontier of the Roman Empire. Today it connects ten countries and four capital cities. Navigation on the river is regulated by the Danube Commission, founded in 1948.`;

/** A chapter of a story, told the way stories are: narration, dialogue, a character's loaded words. */
export const STORY = `Mira climbed the lighthouse stairs two at a time, the lantern swinging wildly in her hand. "You're late," the old keeper growled from the gallery, not bothering to turn around. "The storm won't wait for a lazy apprentice." She bit back a furious reply. Below them the sea heaved like something alive and utterly vicious, hurling itself at the rocks. "Light it," he said. "Or the Saltwind goes down with everyone aboard." Her hands shook as she struck the match. It was the most terrifying night of her life, and she had never felt more certain of anything.`;

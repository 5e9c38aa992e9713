/**
 * Irregular word forms folded to the form the stemmer sees ("kept" → "keep", "chose" → "choose"),
 * so a cue and a transcript meet whatever tense or number was said. The suffix stemmer in tokens.ts
 * handles the regular forms; this map holds only what no suffix rule can reach. Hand-kept rather
 * than a lemmatizer package: the matcher only needs the two sides to agree, the list is short, and
 * nothing has to be downloaded or loaded at run time (docs/metrics.md, "Coverage").
 */
const IRREGULAR: Record<string, string> = {};
const add = (base: string, forms: string) => forms.split(' ').forEach((f) => (IRREGULAR[f] = base));
add('be', 'is are was were been being am');
add('have', 'has had');
add('do', 'does did done');
add('go', 'goes went gone');
add('keep', 'kept');
add('take', 'took taken');
add('give', 'gave given');
add('get', 'got gotten');
add('make', 'made');
add('choose', 'chose chosen');
add('grow', 'grew grown');
add('throw', 'threw thrown');
add('fall', 'fell fallen');
add('hold', 'held');
add('find', 'found');
add('feed', 'fed');
add('lose', 'lost');
add('lead', 'led');
add('run', 'ran');
add('write', 'wrote written');
add('break', 'broke broken');
add('drive', 'drove driven');
add('rise', 'rose risen');
add('shrink', 'shrank shrunk shrunken');
add('blow', 'blew blown');
add('know', 'knew known');
add('see', 'saw seen');
add('mean', 'meant');
add('spend', 'spent');
add('send', 'sent');
add('build', 'built');
add('learn', 'learnt');
add('spill', 'spilt');
add('bring', 'brought');
add('think', 'thought');
add('buy', 'bought');
add('teach', 'taught');
add('catch', 'caught');
add('leave', 'left');
add('come', 'came');
add('become', 'became');
add('begin', 'began begun');
add('forget', 'forgot forgotten');
add('hide', 'hid hidden');
add('child', 'children');
add('datum', 'data');
add('matrix', 'matrices');
add('index', 'indices');
add('vertex', 'vertices');
add('criterion', 'criteria');
add('phenomenon', 'phenomena');
add('analysis', 'analyses');
add('hypothesis', 'hypotheses');

/** The base form of an irregular word, or the word itself. */
export const lemmaOf = (word: string): string => IRREGULAR[word] ?? word;

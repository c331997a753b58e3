import Lab

/// Binary hashing of vectors, after the fruit fly's olfactory circuit, and the word model built on it.
///
/// Three hashing schemes share one code type, ``FlyHash/Code``:
/// - ``FlyHash/SimHash``: signs of Gaussian random projections (locality-sensitive hashing for
///   cosine similarity; about half the bits are on).
/// - ``FlyHash/SparseExpansion``: FlyHash proper, a sparse binary expansion to many more cells than
///   inputs followed by winner-take-all (high dimension, low activity).
/// - ``FlyHash/BioHash``: learned synapses, trained by a winner-only Hebbian rule that is
///   stochastic gradient ascent on the normalised inner product (spherical k-means), then top-k.
///
/// BioWord applies a BioHash-style rule to bag-of-words windows of text
/// (``FlyHash/BioWordCorpus``, ``FlyHash/BioWordModel``); ``FlyHash/PPMIEmbedding`` is the
/// count-based baseline it is compared with, and ``FlyHash/Retrieval`` scores rankings.
public enum FlyHash {}

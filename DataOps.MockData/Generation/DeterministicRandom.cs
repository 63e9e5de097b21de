namespace DataOps.MockData.Generation;

/// <summary>
/// A small SplitMix64 generator. <see cref="Random"/> with a seed is not guaranteed to produce the same sequence
/// across .NET versions; this one is fully specified here, so generated datasets are byte-identical everywhere.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one item of a sequence, independent of every other item's generator.</summary>
    public static DeterministicRandom ForItem(ulong seed, long index) => new(Mix(seed ^ Mix((ulong)index + 0x9E3779B97F4A7C15)));

    /// <summary>The SplitMix64 finaliser: a bijective scramble of a 64-bit value.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15;
        return Mix(_state);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A value in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>A value in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniformly chosen item.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Up to <paramref name="count"/> distinct items, in pick order.</summary>
    public IReadOnlyList<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var picked = new List<T>(Math.Min(count, items.Count));
        var used = new HashSet<int>();
        while (picked.Count < Math.Min(count, items.Count))
        {
            var i = Next(items.Count);
            if (used.Add(i))
            {
                picked.Add(items[i]);
            }
        }

        return picked;
    }

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

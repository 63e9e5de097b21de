
using DataOps.MockData.Templates;
namespace DataOps.MockData.Generation;

/// <summary>
/// Which mix value each record of a dataset gets. Counts are apportioned exactly from the weights (largest
/// remainder, ties to the earlier value), then spread over the dataset by a seeded shuffle, so a dataset of
/// any size matches the mix to within one record per value. Costs one byte per record, never a record.
/// </summary>
internal sealed class MixPlan
{
    private readonly byte[] _assignment;

    private MixPlan(ContentMix? mix, byte[] assignment)
    {
        Mix = mix;
        _assignment = assignment;
    }

    /// <summary>The mix planned, or null when the template has none.</summary>
    public ContentMix? Mix { get; }

    /// <summary>Plans <paramref name="count"/> records.</summary>
    public static MixPlan Create(ContentMix? mix, int count, DeterministicRandom random)
    {
        if (mix is null)
        {
            return new MixPlan(null, []);
        }

        if (mix.Entries.Count > byte.MaxValue)
        {
            throw new ArgumentException("A content mix may have at most 255 values.", nameof(mix));
        }

        var counts = Apportion(mix, count);
        var assignment = new byte[count];
        var position = 0;
        for (var v = 0; v < counts.Length; v++)
        {
            for (var k = 0; k < counts[v]; k++)
            {
                assignment[position++] = (byte)v;
            }
        }

        random.Shuffle(assignment);
        return new MixPlan(mix, assignment);
    }

    /// <summary>Exact record counts per mix value for a dataset size.</summary>
    public static int[] Apportion(ContentMix mix, int count)
    {
        var total = mix.Entries.Sum(e => e.Weight);
        var quotas = mix.Entries.Select(e => e.Weight / total * count).ToArray();
        var counts = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var remaining = count - counts.Sum();
        foreach (var v in Enumerable.Range(0, counts.Length).OrderByDescending(i => quotas[i] - counts[i]).ThenBy(i => i).Take(remaining))
        {
            counts[v]++;
        }

        return counts;
    }

    /// <summary>The mix value of a record, or null without a mix.</summary>
    public string? ValueAt(int index) => Mix is null ? null : Mix.Entries[_assignment[index]].Value;

    /// <summary>The indices before <paramref name="index"/> (nearest first, at most <paramref name="window"/> back) with the same mix value.</summary>
    public IEnumerable<int> EarlierWithSameValue(int index, int window)
    {
        for (var j = index - 1; j >= 0 && j >= index - window; j--)
        {
            if (Mix is null || _assignment[j] == _assignment[index])
            {
                yield return j;
            }
        }
    }

    /// <summary>Every index whose mix value is <paramref name="value"/>, ascending.</summary>
    public IReadOnlyList<int> IndicesOf(string value)
    {
        if (Mix is null)
        {
            return [];
        }

        var v = Mix.Entries.ToList().FindIndex(e => string.Equals(e.Value, value, StringComparison.Ordinal));
        return v < 0 ? [] : Enumerable.Range(0, _assignment.Length).Where(i => _assignment[i] == v).ToArray();
    }
}

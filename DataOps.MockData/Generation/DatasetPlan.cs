using DataOps.MockData.Templates;
using System.Globalization;

namespace DataOps.MockData.Generation;

/// <summary>
/// What the whole dataset shares, computed once before the first record: the seed, the mix assignment and
/// the time window. Everything else is derived per record from (seed, index), so records stream one by one.
/// </summary>
internal sealed class DatasetPlan
{
    private DatasetPlan(MockTemplate template, ulong seed, int count, MixPlan mix, long startSeconds, long endSeconds)
    {
        Template = template;
        Seed = seed;
        Count = count;
        Mix = mix;
        StartSeconds = startSeconds;
        EndSeconds = endSeconds;
        SeedTag = (seed & 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>The template expanded.</summary>
    public MockTemplate Template { get; }

    /// <summary>The dataset seed.</summary>
    public ulong Seed { get; }

    /// <summary>Number of records.</summary>
    public int Count { get; }

    /// <summary>The mix assignment.</summary>
    public MixPlan Mix { get; }

    /// <summary>Unix seconds where the history starts.</summary>
    public long StartSeconds { get; }

    /// <summary>Unix seconds of the base date (end of history).</summary>
    public long EndSeconds { get; }

    /// <summary>Eight hex digits of the seed, part of every id so datasets of different clients never share ids.</summary>
    public string SeedTag { get; }

    /// <summary>Plans a dataset. The seed depends on the client id, template id and version only.</summary>
    public static DatasetPlan Create(MockTemplate template, string clientId, int count, DateTimeOffset baseDate)
    {
        var seed = StableHash.Fnv1a64(clientId, template.Id, template.Metadata.Version);
        var end = baseDate.ToUnixTimeSeconds();
        var start = end - ((long)template.Vocabulary.HistoryDays * 86_400);
        var mix = MixPlan.Create(template.Vocabulary.Mix, count, new DeterministicRandom(seed));
        return new DatasetPlan(template, seed, count, mix, start, end);
    }

    /// <summary>The id of record <paramref name="index"/>, e.g. <c>page-1a2b3c4d-000042</c>.</summary>
    public string IdOf(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{SeedTag}-{index + 1:D6}");

    /// <summary>
    /// The creation time of record <paramref name="index"/>: records are spread evenly over the history in index
    /// order with jitter inside each slot, so later records are newer (thread replies follow their parents).
    /// </summary>
    public DateTimeOffset CreatedAt(int index, DeterministicRandom random)
    {
        var slot = (double)(EndSeconds - StartSeconds) / Count;
        var seconds = StartSeconds + (long)Math.Floor((index + random.NextDouble()) * slot);
        return DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, EndSeconds));
    }

    /// <summary>A stable per-dataset choice for item <paramref name="index"/> among <paramref name="choices"/> (e.g. a Jira issue's project), computable for any index.</summary>
    public int StableChoice(int index, int choices, ulong salt)
        => (int)(DeterministicRandom.Mix(Seed ^ salt ^ DeterministicRandom.Mix((ulong)index)) % (ulong)choices);
}

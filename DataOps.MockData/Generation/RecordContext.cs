using DataOps.MockData.Templates;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Generation;

/// <summary>The state of one record being generated: its index, its own random stream, its mix value and its values so far.</summary>
internal sealed class RecordContext
{
    internal RecordContext(DatasetPlan plan, int index)
    {
        Plan = plan;
        Index = index;
        Random = DeterministicRandom.ForItem(plan.Seed, index);
        MixValue = plan.Mix.ValueAt(index);
        CreatedAt = plan.CreatedAt(index, Random);
    }

    /// <summary>The dataset plan.</summary>
    public DatasetPlan Plan { get; }

    /// <summary>Zero-based record index.</summary>
    public int Index { get; }

    /// <summary>This record's random stream.</summary>
    public DeterministicRandom Random { get; }

    /// <summary>The record's mix value, if the template has a mix.</summary>
    public string? MixValue { get; }

    /// <summary>The record's creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The vocabulary.</summary>
    public GenerationVocabulary Vocabulary => Plan.Template.Vocabulary;

    /// <summary>The values set so far.</summary>
    internal Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema definition of a field, or null when the template does not declare it.</summary>
    public FieldDefinition? Field(string name) => Plan.Template.Schema.Find(name);

    /// <summary>Sets a field the schema declares; values for undeclared fields are dropped so records never carry unexpected fields.</summary>
    public void Set(string name, object? value)
    {
        if (Field(name) is not null)
        {
            Values[name] = value;
        }
    }

    /// <summary>A title-like text from a pattern list, fitted to the field's maximum length.</summary>
    public string FillFor(string field, IReadOnlyList<string> patterns)
        => TextComposer.Fit(TextComposer.Fill(Random.Pick(patterns), Vocabulary, Random), Field(field)?.MaxLength);

    /// <summary>A body-like text for a field, honouring its length limits.</summary>
    public string ComposeFor(string field, IReadOnlyList<string> patterns, string? lead = null)
    {
        var definition = Field(field);
        var leadText = lead is null ? null : TextComposer.Fill(lead, Vocabulary, Random);
        return TextComposer.Compose(patterns, Vocabulary, Random, Vocabulary.MinBodySentences, Vocabulary.MaxBodySentences, definition?.MinLength ?? 0, definition?.MaxLength, leadText);
    }

    /// <summary>Picks one of a field's allowed values using the given weights (values without a weight get the average).</summary>
    public string? PickAllowed(string field, IReadOnlyDictionary<string, double> weights)
    {
        if (Field(field)?.AllowedValues is not { Count: > 0 } allowed)
        {
            return weights.Count > 0 ? weights.Keys.ElementAt(Random.Next(weights.Count)) : null;
        }

        var fallback = weights.Count > 0 ? weights.Values.Average() : 1.0;
        var w = allowed.Select(a => weights.TryGetValue(a, out var x) ? x : fallback).ToArray();
        var roll = Random.NextDouble() * w.Sum();
        for (var i = 0; i < allowed.Count; i++)
        {
            roll -= w[i];
            if (roll < 0)
            {
                return allowed[i];
            }
        }

        return allowed[^1];
    }

    /// <summary>Between one and <paramref name="most"/> distinct labels, within the field's item limits.</summary>
    public IReadOnlyList<string> Labels(string field, int most = 3)
    {
        var max = Math.Min(most, Field(field)?.MaxLength ?? most);
        var min = Math.Max(1, Field(field)?.MinLength ?? 1);
        return Random.PickDistinct(Vocabulary.Labels, Random.Between(Math.Min(min, max), Math.Max(min, max)));
    }
}

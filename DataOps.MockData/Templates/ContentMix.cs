namespace DataOps.MockData.Templates;

/// <summary>
/// The share of each value of one field across a generated dataset (e.g. <c>content_type</c>: engineering_doc 0.4,
/// product_spec 0.3, onboarding 0.2, meeting_notes 0.1). Weights are positive; they need not sum to one.
/// </summary>
/// <param name="Field">The field whose values are mixed.</param>
/// <param name="Entries">Values and weights, in template order.</param>
public sealed record ContentMix(string Field, IReadOnlyList<MixEntry> Entries)
{
    /// <summary>The normalised share of a value (0 when absent).</summary>
    public double ShareOf(string value)
    {
        var total = Entries.Sum(e => e.Weight);
        return Entries.Where(e => string.Equals(e.Value, value, StringComparison.Ordinal)).Sum(e => e.Weight) / total;
    }
}

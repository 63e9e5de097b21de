namespace DataOps.Glean.Model;

/// <summary>
/// One sample search and the documents it must find. A query with no expected documents (production, whose documents
/// the client's own connector wrote) passes on any result from the connector's datasource.
/// </summary>
/// <param name="Text">What is searched for.</param>
/// <param name="ExpectedDocumentIds">Glean document ids the search must return; empty when the product cannot know them.</param>
public sealed record SampleQuery(string Text, IReadOnlyList<string> ExpectedDocumentIds)
{
    /// <summary>A query that passes on any result from the connector's datasource.</summary>
    public static SampleQuery AnyResult(string text) => new(text, []);

    /// <summary>Value equality, with the expected ids compared as a sequence.</summary>
    public bool Equals(SampleQuery? other) =>
        other is not null && Text == other.Text && ExpectedDocumentIds.SequenceEqual(other.ExpectedDocumentIds, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, ExpectedDocumentIds.Count);
}

using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>The transformer of each dataset type.</summary>
internal static class DocumentTransformers
{
    private static readonly Dictionary<DatasetType, DocumentTransformer> ByType = new DocumentTransformer[]
    {
        new ConfluencePageTransformer(),
        new GithubRepoTransformer(),
        new SlackMessageTransformer(),
        new JiraIssueTransformer(),
        new CustomDocumentTransformer(),
    }.ToDictionary(t => t.DatasetType);

    public static DocumentTransformer For(DatasetType type) =>
        ByType.TryGetValue(type, out var transformer) ? transformer : throw new ArgumentOutOfRangeException(nameof(type), type, "no document transformer for this dataset type");
}

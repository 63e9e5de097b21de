using DataOps.Glean.Wire;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>GitHub repository -> <c>Repository</c>: description and README are the body, the owner the container.</summary>
internal sealed class GithubRepoTransformer : DocumentTransformer
{
    public override DatasetType DatasetType => DatasetType.GithubRepos;

    public override string DatasourceCategory => "CODE_REPOSITORY";

    public override IReadOnlyList<PropertyDefinition> Properties { get; } =
    [
        new("language", "Language", "PICKLIST"),
        new("topics", "Topics", "TEXTLIST"),
        new("stars", "Stars", "INT"),
    ];

    protected override DocumentDefinition Shape(RecordView record, DocumentDefinition common)
    {
        var body = string.Join("\n\n", new[] { record.Text("description"), record.Text("readme") }.Where(s => s is not null));
        var owner = User(record.Text("owner_email"), record.Text("owner_name"));
        return common with
        {
            Title = record.Text("full_name") ?? record.Text("name"),
            Body = Text(body.Length == 0 ? null : body),
            Summary = Text(record.Text("description")),
            Author = owner,
            Owner = owner,
            Container = record.Text("owner_name"),
            Tags = Tags(record.List("topics")),
            CustomProperties = Props(
                ("language", record.Text("language")),
                ("topics", record.List("topics")),
                ("stars", record.Number("stars"))),
        };
    }
}

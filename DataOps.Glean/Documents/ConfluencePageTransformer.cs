using DataOps.Glean.Wire;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>Confluence page -> <c>Page</c>: the space is the container, labels are tags.</summary>
internal sealed class ConfluencePageTransformer : DocumentTransformer
{
    public override DatasetType DatasetType => DatasetType.ConfluencePages;

    public override string DatasourceCategory => "KNOWLEDGE_HUB";

    public override IReadOnlyList<PropertyDefinition> Properties { get; } =
    [
        new("spaceKey", "Space", "PICKLIST"),
        new("contentType", "Content type", "PICKLIST"),
        new("labels", "Labels", "TEXTLIST"),
    ];

    protected override DocumentDefinition Shape(RecordView record, DocumentDefinition common) => common with
    {
        Title = record.Text("title"),
        Body = Text(record.Text("body")),
        Author = User(record.Text("author_email"), record.Text("author_name")),
        Container = record.Text("space_key"),
        Tags = Tags(record.List("labels")),
        CustomProperties = Props(
            ("spaceKey", record.Text("space_key")),
            ("contentType", record.Text("content_type")),
            ("labels", record.List("labels"))),
    };
}

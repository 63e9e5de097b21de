using DataOps.Glean.Wire;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>Custom record -> <c>Document</c>: title and body only.</summary>
internal sealed class CustomDocumentTransformer : DocumentTransformer
{
    public override DatasetType DatasetType => DatasetType.Custom;

    public override string DatasourceCategory => "PUBLISHED_CONTENT";

    public override IReadOnlyList<PropertyDefinition> Properties { get; } = [];

    protected override DocumentDefinition Shape(RecordView record, DocumentDefinition common) => common with
    {
        Title = record.Text("title"),
        Body = Text(record.Text("body")),
    };
}

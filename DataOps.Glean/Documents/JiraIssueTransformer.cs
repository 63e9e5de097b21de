using DataOps.Glean.Wire;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>Jira issue -> <c>Issue</c>: titled <c>KEY: summary</c>, the project is the container, the reporter the author.</summary>
internal sealed class JiraIssueTransformer : DocumentTransformer
{
    public override DatasetType DatasetType => DatasetType.JiraIssues;

    public override string DatasourceCategory => "TICKETS";

    public override IReadOnlyList<PropertyDefinition> Properties { get; } =
    [
        new("issueType", "Issue type", "PICKLIST"),
        new("status", "Status", "PICKLIST"),
        new("priority", "Priority", "PICKLIST"),
        new("labels", "Labels", "TEXTLIST"),
        new("epicKey", "Epic", "TEXT"),
    ];

    protected override DocumentDefinition Shape(RecordView record, DocumentDefinition common)
    {
        var key = record.Text("key");
        var summary = record.Text("summary");
        return common with
        {
            Title = key is null ? summary : $"{key}: {summary}",
            Body = Text(record.Text("description")),
            Summary = Text(summary),
            Author = User(record.Text("reporter_email"), null),
            Owner = User(record.Text("assignee_email"), null),
            Container = record.Text("project_key"),
            Tags = Tags(record.List("labels")),
            CustomProperties = Props(
                ("issueType", record.Text("issue_type")),
                ("status", record.Text("status")),
                ("priority", record.Text("priority")),
                ("labels", record.List("labels")),
                ("epicKey", record.Text("epic_key"))),
        };
    }
}

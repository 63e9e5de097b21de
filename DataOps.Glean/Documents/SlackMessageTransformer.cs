using DataOps.Glean.Wire;
using DataOps.Domain.Datasets;

namespace DataOps.Glean.Documents;

/// <summary>Slack message -> <c>Message</c>: the channel is the container; the title is the channel and the opening words.</summary>
internal sealed class SlackMessageTransformer : DocumentTransformer
{
    private const int TitleWords = 80;

    public override DatasetType DatasetType => DatasetType.SlackMessages;

    public override string DatasourceCategory => "MESSAGING";

    public override IReadOnlyList<PropertyDefinition> Properties { get; } =
    [
        new("channel", "Channel", "PICKLIST"),
        new("threadId", "Thread", "TEXT"),
    ];

    protected override DocumentDefinition Shape(RecordView record, DocumentDefinition common)
    {
        var text = record.Text("text");
        var channel = record.Text("channel");
        var opening = text is null ? null : text.Length <= TitleWords ? text : text[..TitleWords] + "...";
        return common with
        {
            Title = channel is null ? opening : $"#{channel.TrimStart('#')}: {opening}",
            Body = Text(text),
            Author = User(record.Text("user_email"), record.Text("user_name")),
            Container = channel,
            CustomProperties = Props(("channel", channel), ("threadId", record.Text("thread_id"))),
        };
    }
}

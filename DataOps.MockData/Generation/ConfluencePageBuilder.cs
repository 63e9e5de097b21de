namespace DataOps.MockData.Generation;

/// <summary>Confluence pages: title by content type, multi-paragraph body, space, author, labels.</summary>
internal sealed class ConfluencePageBuilder : IRecordBuilder
{
    /// <inheritdoc/>
    public string IdPrefix => "page";

    /// <inheritdoc/>
    public void Build(RecordContext context)
    {
        var v = context.Vocabulary;
        var space = context.Random.Pick(v.Containers);
        var author = context.Random.Pick(v.People);
        var id = context.Plan.IdOf(IdPrefix, context.Index);
        context.Set("url", $"{v.BaseUrl.TrimEnd('/')}/wiki/spaces/{Uri.EscapeDataString(space)}/pages/{id}");
        context.Set("title", context.FillFor("title", v.TitlesFor(context.MixValue)));
        context.Set("body", context.ComposeFor("body", v.Sentences));
        context.Set("space_key", space);
        context.Set("author_name", author.Name);
        context.Set("author_email", author.Email);
        context.Set("labels", context.Labels("labels"));
    }
}

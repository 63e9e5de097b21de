namespace DataOps.Functions.OpenApi;

/// <summary>What the document says of one HTTP function beyond its method and route.</summary>
/// <param name="Tag">The group it is listed under.</param>
/// <param name="Summary">One line.</param>
/// <param name="Access">Who may call it.</param>
internal sealed record ApiOperation(string Tag, string Summary, ApiAccess Access)
{
    /// <summary>More than one line, when needed.</summary>
    public string? Description { get; init; }

    /// <summary>Query parameters: name, description, and the schema (a component name or an inline enum's values).</summary>
    public IReadOnlyList<ApiQueryParameter> Query { get; init; } = [];

    /// <summary>The component schema of the JSON request body; null when the route reads none.</summary>
    public string? Body { get; init; }

    /// <summary>Whether the body must be sent.</summary>
    public bool BodyRequired { get; init; } = true;

    /// <summary>Success answers: status, description and the component schema of the JSON body (null: none described).</summary>
    public IReadOnlyList<ApiSuccess> Success { get; init; } = [];

    /// <summary>The problem statuses the route can answer (400 is a validation problem with <c>errors</c>).</summary>
    public IReadOnlyList<int> Problems { get; init; } = [];

    /// <summary>The media type of a success answer when it is not JSON (the static pages).</summary>
    public string? SuccessMediaType { get; init; }

    /// <summary>Another media type the JSON success answer can also come as (a report's CSV), with no schema.</summary>
    public string? AlternateMediaType { get; init; }
}

/// <summary>A query parameter.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it filters.</param>
/// <param name="Values">The wire names it takes, when it is an enum.</param>
/// <param name="Integer">Whether it is a whole number.</param>
internal sealed record ApiQueryParameter(string Name, string Description, IReadOnlyList<string>? Values = null, bool Integer = false);

/// <summary>A success answer.</summary>
/// <param name="Status">Its status code.</param>
/// <param name="Description">What it carries.</param>
/// <param name="Schema">The component schema of its body; null for a free-form object.</param>
internal sealed record ApiSuccess(int Status, string Description, string? Schema = null);

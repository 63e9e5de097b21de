namespace DataOps.Glean.Errors;

/// <summary>The request conflicts with Glean's state (409), e.g. another upload in progress.</summary>
internal sealed class GleanConflictException(string operation, string message, int? statusCode = 409)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}

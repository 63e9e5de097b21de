namespace DataOps.Glean.Errors;

/// <summary>The Glean token is not allowed to do this (403).</summary>
internal sealed class GleanForbiddenException(string operation, string message, int? statusCode = 403)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}

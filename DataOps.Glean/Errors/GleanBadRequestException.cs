namespace DataOps.Glean.Errors;

/// <summary>Glean refused the request as invalid (400).</summary>
internal sealed class GleanBadRequestException(string operation, string message, int? statusCode = 400)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}

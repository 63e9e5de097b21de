namespace DataOps.GleanEmulator.State;

/// <summary>The outcome of a state operation: 200 with an optional body, or an error status with Glean's error body.</summary>
internal sealed record OperationResult(int Status, object? Body = null, string? Error = null, string? Message = null)
{
    public static OperationResult Ok(object? body = null) => new(StatusCodes.Status200OK, body);

    public static OperationResult BadRequest(string message) => new(StatusCodes.Status400BadRequest, null, "bad_request", message);

    public static OperationResult Conflict(string message) => new(StatusCodes.Status409Conflict, null, "conflict", message);

    public static OperationResult TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, null, "payload_too_large", message);

    public static OperationResult Unprocessable(string message) => new(StatusCodes.Status422UnprocessableEntity, null, "invalid_query", message);

    public static OperationResult UnknownDatasource(string? name) =>
        BadRequest($"datasource '{name}' is not registered; call /adddatasource first");

    public bool IsSuccess => Status == StatusCodes.Status200OK;
}

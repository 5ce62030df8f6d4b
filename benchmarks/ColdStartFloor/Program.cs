// The cold start floor: the same kind of host as the standalone one (a slim WebApplication on Kestrel) answering
// GET /api/health with 200 and doing nothing else (no storage, no functions, no portal). What is left of the app's
// start above this is its own: configuration, services, the storage check, its endpoints.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok());
await app.RunAsync();

using Cdppe.Functions.Hosting;

return await CdppeApp.RunAsync(args);

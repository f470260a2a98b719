print("sosw")
